package eu.creditbridge.localstack.chaos;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer lag as an operator reads it: per group, the records on the group's topics it has not committed yet
 * (end offset minus committed offset, summed over every partition of every topic the group has committed on; a
 * partition it has never committed on counts from its first offset).
 */
public final class ConsumerLag implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 10;
    private final Admin admin;

    /** @param kafkaConfig bootstrap servers and the sign-in of a principal that may describe groups and topics */
    public ConsumerLag(Map<String, Object> kafkaConfig) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        this.admin = Admin.create(config);
    }

    /** Lag of each group; fails while the broker is unreachable (the caller samples again later). */
    public Map<String, Long> of(List<String> groups) throws Exception {
        Map<String, Long> lags = new LinkedHashMap<>();
        for (String group : groups) {
            lags.put(group, lagOf(group));
        }
        return lags;
    }

    private long lagOf(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        Set<String> topics = committed.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet());
        if (topics.isEmpty()) {
            return 0;
        }
        Collection<TopicDescription> described = get(admin.describeTopics(topics).allTopicNames()).values();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        for (TopicDescription topic : described) {
            topic.partitions().forEach(p -> {
                TopicPartition partition = new TopicPartition(topic.name(), p.partition());
                latest.put(partition, OffsetSpec.latest());
                earliest.put(partition, OffsetSpec.earliest());
            });
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = get(admin.listOffsets(latest).all());
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = get(admin.listOffsets(earliest).all());
        long lag = 0;
        for (TopicPartition partition : latest.keySet()) {
            OffsetAndMetadata offset = committed.get(partition);
            long position = offset != null ? offset.offset() : starts.get(partition).offset();
            lag += Math.max(0, ends.get(partition).offset() - position);
        }
        return lag;
    }

    /** Records on these topics in total (end offsets summed): for counting what reached the dead-letter topics. */
    public long records(List<String> topics) throws Exception {
        Set<String> existing = get(admin.listTopics().names());
        List<String> present = topics.stream().filter(existing::contains).toList();
        if (present.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (TopicDescription topic : get(admin.describeTopics(present).allTopicNames()).values()) {
            topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
        }
        return get(admin.listOffsets(latest).all()).values().stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) throws ExecutionException, InterruptedException, TimeoutException {
        return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        admin.close(java.time.Duration.ofSeconds(5));
    }
}
