package eu.creditbridge.registry.messaging.operations;

import eu.creditbridge.registry.application.operations.BrokerUnavailable;
import eu.creditbridge.registry.application.operations.PipelineProbe;
import eu.creditbridge.registry.domain.operations.PipelineSample;
import eu.creditbridge.registry.domain.operations.PipelineSample.CommittedOffset;
import eu.creditbridge.registry.domain.operations.PipelineSample.ConsumerGroup;
import eu.creditbridge.registry.domain.operations.PipelineSample.GroupMember;
import eu.creditbridge.registry.domain.operations.PipelineSample.PartitionOffsets;
import eu.creditbridge.registry.domain.operations.PipelineSample.TopicOffsets;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * Asks the broker, through one long-lived AdminClient, for the watched topics' first and end offsets and for
 * every consumer group's members and committed offsets. Every call is bounded by {@code timeout}, so a broker
 * that is down makes a sample fail quickly instead of hanging the sampler.
 */
public class KafkaPipelineProbe implements PipelineProbe, AutoCloseable {

    private final Admin admin;
    private final List<String> watchedTopics;
    private final Duration timeout;
    private final Clock clock;

    public KafkaPipelineProbe(Admin admin, List<String> watchedTopics, Duration timeout, Clock clock) {
        this.admin = admin;
        this.watchedTopics = List.copyOf(watchedTopics);
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public PipelineSample sample() {
        Set<String> existing = await(admin.listTopics().names(), "list the topics");
        List<String> topics = watchedTopics.stream().filter(existing::contains).toList();
        return new PipelineSample(clock.instant().truncatedTo(ChronoUnit.MILLIS), offsets(topics), groups(Set.copyOf(topics)));
    }

    private List<TopicOffsets> offsets(List<String> topics) {
        if (topics.isEmpty()) {
            return List.of();
        }
        Map<String, TopicDescription> descriptions = await(admin.describeTopics(topics).allTopicNames(), "describe the topics");
        List<TopicPartition> partitions = descriptions.values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .toList();
        Map<TopicPartition, ListOffsetsResultInfo> earliest = await(admin.listOffsets(
                partitions.stream().collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.earliest()))).all(),
                "read the first offsets");
        Map<TopicPartition, ListOffsetsResultInfo> latest = await(admin.listOffsets(
                partitions.stream().collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()))).all(),
                "read the end offsets");
        List<TopicOffsets> offsets = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionOffsets> ofTopic = partitions.stream().filter(p -> p.topic().equals(topic))
                    .sorted(Comparator.comparingInt(TopicPartition::partition))
                    .map(p -> {
                        long end = latest.get(p).offset();
                        return new PartitionOffsets(p.partition(), Math.min(earliest.get(p).offset(), end), end);
                    })
                    .toList();
            offsets.add(new TopicOffsets(topic, ofTopic));
        }
        return offsets;
    }

    private List<ConsumerGroup> groups(Set<String> topics) {
        Collection<GroupListing> listings = await(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all(),
                "list the consumer groups");
        List<String> ids = listings.stream().map(GroupListing::groupId).sorted().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, ConsumerGroupDescription> descriptions = await(admin.describeConsumerGroups(ids).all(),
                "describe the consumer groups");
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
        for (String id : ids) {
            committed.put(id, await(admin.listConsumerGroupOffsets(id).partitionsToOffsetAndMetadata(),
                    "read the offsets of group " + id));
        }
        List<ConsumerGroup> groups = new ArrayList<>();
        for (String id : ids) {
            ConsumerGroupDescription description = descriptions.get(id);
            List<GroupMember> members = description == null ? List.of() : description.members().stream()
                    .map(KafkaPipelineProbe::member).toList();
            List<CommittedOffset> offsets = committed.getOrDefault(id, Map.of()).entrySet().stream()
                    .filter(e -> e.getValue() != null && topics.contains(e.getKey().topic()))
                    .map(e -> new CommittedOffset(e.getKey().topic(), e.getKey().partition(), e.getValue().offset()))
                    .sorted(Comparator.comparing(CommittedOffset::topic).thenComparingInt(CommittedOffset::partition))
                    .toList();
            String state = description == null ? "UNKNOWN" : description.groupState().toString();
            groups.add(new ConsumerGroup(id, state, members, offsets));
        }
        return groups;
    }

    private static GroupMember member(MemberDescription member) {
        Set<String> assignment = new LinkedHashSet<>();
        member.assignment().topicPartitions().stream()
                .sorted(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition))
                .forEach(p -> assignment.add(p.topic() + "-" + p.partition()));
        return new GroupMember(member.consumerId(), member.clientId(), member.host(), List.copyOf(assignment));
    }

    private <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailable("Interrupted while trying to " + what, e);
        } catch (ExecutionException e) {
            throw new BrokerUnavailable("Kafka could not " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new BrokerUnavailable("Kafka did not answer within " + timeout.toMillis() + " ms when asked to " + what, e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
