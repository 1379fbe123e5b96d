package eu.creditbridge.registry.messaging.operations;

import eu.creditbridge.registry.application.operations.BrokerUnavailable;
import eu.creditbridge.registry.application.operations.DeadLetterTopics;
import eu.creditbridge.registry.domain.operations.DeadLetter;
import eu.creditbridge.registry.domain.operations.DeadLetterId;
import eu.creditbridge.registry.domain.operations.RecordHeader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Reads dead letters with a byte-array consumer that is assigned partitions and seeks (no consumer group, so
 * reading commits nothing and disturbs no one), and replays them with a byte-array producer, so key, value and
 * headers go back byte for byte. A consumer is made per request: Kafka consumers are not thread-safe, and
 * operators' requests are rare.
 */
public class KafkaDeadLetterTopics implements DeadLetterTopics, AutoCloseable {

    /** Added to a replayed record: which dead letter it was, so a second failure can be traced to the first. */
    public static final String REPLAY_OF_HEADER = "creditbridge_replay_of";

    private final Supplier<Consumer<byte[], byte[]>> consumers;
    private final Producer<byte[], byte[]> producer;
    private final List<String> deadLetterTopics;
    private final Duration timeout;

    public KafkaDeadLetterTopics(Supplier<Consumer<byte[], byte[]>> consumers, Producer<byte[], byte[]> producer,
            List<String> deadLetterTopics, Duration timeout) {
        this.consumers = consumers;
        this.producer = producer;
        this.deadLetterTopics = List.copyOf(deadLetterTopics);
        this.timeout = timeout;
    }

    @Override
    public List<DeadLetter> newest(int skip, int limit) {
        return newest(deadLetterTopics, skip, limit);
    }

    @Override
    public List<DeadLetter> newest(String deadLetterTopic, int skip, int limit) {
        return newest(deadLetterTopics.stream().filter(deadLetterTopic::equals).toList(), skip, limit);
    }

    private List<DeadLetter> newest(List<String> topics, int skip, int limit) {
        if (skip < 0 || limit < 1) {
            throw new IllegalArgumentException("skip must be 0 or more and limit at least 1, not " + skip + " and " + limit);
        }
        try (Consumer<byte[], byte[]> consumer = consumers.get()) {
            return newest(consumer, topics, skip, limit);
        } catch (KafkaException e) {
            throw new BrokerUnavailable("Kafka could not list the dead letters: " + e.getMessage(), e);
        }
    }

    private List<DeadLetter> newest(Consumer<byte[], byte[]> consumer, List<String> topics, int skip, int limit) {
        int depth = skip + limit;
        Map<String, List<PartitionInfo>> existing = consumer.listTopics(timeout);
        List<TopicPartition> partitions = topics.stream().filter(existing::containsKey)
                .flatMap(t -> existing.get(t).stream().map(p -> new TopicPartition(t, p.partition())))
                .toList();
        if (partitions.isEmpty()) {
            return List.of();
        }
        Map<TopicPartition, Long> first = consumer.beginningOffsets(partitions, timeout);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        Map<TopicPartition, Long> toRead = new HashMap<>();
        for (TopicPartition partition : partitions) {
            if (end.get(partition) > first.get(partition)) {
                toRead.put(partition, Math.max(first.get(partition), end.get(partition) - depth));
            }
        }
        if (toRead.isEmpty()) {
            return List.of();
        }
        // The newest `skip + limit` of each partition hold the newest `skip + limit` overall. Each page reads all
        // newer than itself again: cheap for the pages an operator looks at, and nothing to keep between requests.
        List<ConsumerRecord<byte[], byte[]>> records = readUpTo(consumer, toRead, end);
        return records.stream()
                .sorted(Comparator.comparingLong((ConsumerRecord<byte[], byte[]> r) -> r.timestamp()).reversed()
                        .thenComparing(ConsumerRecord::offset, Comparator.reverseOrder()))
                .skip(skip)
                .limit(limit)
                .map(KafkaDeadLetterTopics::deadLetter)
                .toList();
    }

    @Override
    public Optional<DeadLetter> find(DeadLetterId id) {
        try (Consumer<byte[], byte[]> consumer = consumers.get()) {
            return find(consumer, id);
        } catch (KafkaException e) {
            throw new BrokerUnavailable("Kafka could not read dead letter " + id + ": " + e.getMessage(), e);
        }
    }

    private Optional<DeadLetter> find(Consumer<byte[], byte[]> consumer, DeadLetterId id) {
        TopicPartition partition = new TopicPartition(id.topic(), id.partition());
        List<PartitionInfo> known = consumer.listTopics(timeout).get(id.topic());
        if (known == null || known.stream().noneMatch(p -> p.partition() == id.partition())) {
            return Optional.empty();
        }
        long first = consumer.beginningOffsets(List.of(partition), timeout).get(partition);
        long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
        if (id.offset() < first || id.offset() >= end) {
            return Optional.empty();
        }
        return readUpTo(consumer, Map.of(partition, id.offset()), Map.of(partition, id.offset() + 1)).stream()
                .filter(r -> r.offset() == id.offset())
                .findFirst()
                .map(KafkaDeadLetterTopics::deadLetter);
    }

    @Override
    public Placement replay(DeadLetter deadLetter) {
        DeadLetter.Origin origin = deadLetter.origin();
        var headers = new RecordHeaders();
        for (RecordHeader header : deadLetter.originalHeaders()) {
            headers.add(header.name(), header.value());
        }
        headers.add(REPLAY_OF_HEADER, deadLetter.id().value().getBytes(StandardCharsets.UTF_8));
        // Back to the partition it was read from: the key's order (one learner's events) stays as it was,
        // whichever partitioner the original producer used.
        try {
            Integer partition = producer.partitionsFor(origin.topic()).stream()
                    .anyMatch(p -> p.partition() == origin.partition()) ? origin.partition() : null;
            var record = new ProducerRecord<>(origin.topic(), partition, deadLetter.key(), deadLetter.value(), headers);
            RecordMetadata sent = producer.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Placement(sent.topic(), sent.partition(), sent.offset());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying " + deadLetter.id(), e);
        } catch (ExecutionException e) {
            throw new BrokerUnavailable("Kafka refused the replay of " + deadLetter.id() + " to " + origin.topic()
                    + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException | KafkaException e) {
            throw new BrokerUnavailable("No acknowledgement within " + timeout.toMillis() + " ms for the replay of "
                    + deadLetter.id() + " to " + origin.topic(), e);
        }
    }

    /** Reads each partition from its start offset until just before its end offset, or until the timeout. */
    private List<ConsumerRecord<byte[], byte[]>> readUpTo(Consumer<byte[], byte[]> consumer,
            Map<TopicPartition, Long> start, Map<TopicPartition, Long> end) {
        consumer.assign(start.keySet());
        start.forEach(consumer::seek);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)
                && start.keySet().stream().anyMatch(p -> consumer.position(p, timeout) < end.get(p))) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() < end.get(partition)) {
                    records.add(record);
                }
            }
        }
        return records;
    }

    private static DeadLetter deadLetter(ConsumerRecord<byte[], byte[]> record) {
        List<RecordHeader> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new RecordHeader(header.key(), header.value()));
        }
        return new DeadLetter(new DeadLetterId(record.topic(), record.partition(), record.offset()),
                Instant.ofEpochMilli(record.timestamp()), record.key(), record.value(), headers);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(2));
    }
}
