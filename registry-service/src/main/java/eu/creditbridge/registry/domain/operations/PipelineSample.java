package eu.creditbridge.registry.domain.operations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One look at the pipeline at one moment: every watched topic's partitions with their first and next offsets,
 * and every consumer group with its members and committed offsets. Rates come from comparing two samples.
 */
public record PipelineSample(Instant at, List<TopicOffsets> topics, List<ConsumerGroup> groups) {

    public PipelineSample {
        Objects.requireNonNull(at, "at");
        topics = List.copyOf(topics);
        groups = List.copyOf(groups);
    }

    public Optional<TopicOffsets> topic(String name) {
        return topics.stream().filter(t -> t.topic().equals(name)).findFirst();
    }

    /** Lag of every group on every partition of a topic it has committed to (a partition it never committed to counts from the start). */
    public List<PartitionLag> lags() {
        List<PartitionLag> lags = new ArrayList<>();
        for (ConsumerGroup group : groups) {
            for (String topicName : group.topicsCommitted()) {
                Optional<TopicOffsets> topic = topic(topicName);
                if (topic.isEmpty()) {
                    continue;
                }
                for (PartitionOffsets partition : topic.get().partitions()) {
                    Long committed = group.committed(topicName, partition.partition()).orElse(null);
                    long consumedUpTo = committed == null ? partition.earliest() : Math.max(committed, partition.earliest());
                    lags.add(new PartitionLag(group.groupId(), topicName, partition.partition(), committed,
                            partition.latest(), Math.max(0, partition.latest() - consumedUpTo)));
                }
            }
        }
        return lags;
    }

    /** First offset still held and the offset the next record will get, of one partition. */
    public record PartitionOffsets(int partition, long earliest, long latest) {

        public PartitionOffsets {
            if (partition < 0 || earliest < 0 || latest < earliest) {
                throw new IllegalArgumentException("impossible offsets: partition " + partition + ", " + earliest + ".." + latest);
            }
        }

        /** Records the partition holds now (retention may have removed older ones). */
        public long held() {
            return latest - earliest;
        }
    }

    public record TopicOffsets(String topic, List<PartitionOffsets> partitions) {

        public TopicOffsets {
            Objects.requireNonNull(topic, "topic");
            partitions = List.copyOf(partitions);
        }

        /** Records ever written to the topic: the sum of the partitions' next offsets. */
        public long written() {
            return partitions.stream().mapToLong(PartitionOffsets::latest).sum();
        }

        public long held() {
            return partitions.stream().mapToLong(PartitionOffsets::held).sum();
        }
    }

    public record CommittedOffset(String topic, int partition, long offset) {
    }

    /** A member of a group and the partitions assigned to it. */
    public record GroupMember(String memberId, String clientId, String host, List<String> assignment) {

        public GroupMember {
            assignment = List.copyOf(assignment);
        }
    }

    public record ConsumerGroup(String groupId, String state, List<GroupMember> members, List<CommittedOffset> committed) {

        public ConsumerGroup {
            Objects.requireNonNull(groupId, "groupId");
            members = List.copyOf(members);
            committed = List.copyOf(committed);
        }

        public List<String> topicsCommitted() {
            return committed.stream().map(CommittedOffset::topic).distinct().sorted().toList();
        }

        public Optional<Long> committed(String topic, int partition) {
            return committed.stream().filter(c -> c.topic().equals(topic) && c.partition() == partition)
                    .map(CommittedOffset::offset).findFirst();
        }
    }

    /** How far a group is behind on one partition; {@code committed} is null when it never committed there. */
    public record PartitionLag(String group, String topic, int partition, Long committed, long end, long lag) {
    }
}
