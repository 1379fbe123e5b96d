package eu.creditbridge.registry.application.operations;

import eu.creditbridge.registry.domain.operations.DeadLetter;
import eu.creditbridge.registry.domain.operations.DeadLetterId;
import eu.creditbridge.registry.domain.operations.PipelineSample.PartitionLag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The pipeline as an operator sees it: each topic with its rate, each group with its lag, the dead-letter
 * counts and the last errors.
 *
 * @param sampledAt when the broker was last asked, or null if it never answered
 * @param window the time the rates cover
 * @param unavailable why the last look at the broker failed, or null when it answered
 */
public record PipelineView(Instant sampledAt, Duration window, List<TopicFigures> topics, List<GroupFigures> groups,
        List<RecentError> lastErrors, String unavailable) {

    public Optional<TopicFigures> topic(String name) {
        return topics.stream().filter(t -> t.topic().equals(name)).findFirst();
    }

    public Optional<GroupFigures> group(String groupId) {
        return groups.stream().filter(g -> g.groupId().equals(groupId)).findFirst();
    }

    /** Total lag of a group on a topic; empty when the group has not committed there. */
    public Optional<Long> lag(String groupId, String topic) {
        return group(groupId).flatMap(g -> g.lagOn(topic));
    }

    /**
     * @param written records ever written (sum of the partitions' end offsets)
     * @param held records the topic holds now; for a dead-letter topic, its dead-letter count
     * @param ratePerSecond messages per second between the last two samples
     * @param averageRatePerSecond messages per second over the whole window
     * @param rates per-interval rates over the window, oldest first
     * @param endOffsets per partition, the offset the next record will get
     */
    public record TopicFigures(String topic, boolean deadLetterTopic, int partitions, long written, long held,
            double ratePerSecond, double averageRatePerSecond, List<Double> rates, List<Long> endOffsets) {
    }

    public record GroupFigures(String groupId, String state, List<Member> members, List<PartitionLag> lags) {

        public long totalLag() {
            return lags.stream().mapToLong(PartitionLag::lag).sum();
        }

        public Optional<Long> lagOn(String topic) {
            List<PartitionLag> on = lags.stream().filter(l -> l.topic().equals(topic)).toList();
            return on.isEmpty() ? Optional.empty() : Optional.of(on.stream().mapToLong(PartitionLag::lag).sum());
        }

        public List<String> topics() {
            return lags.stream().map(PartitionLag::topic).distinct().sorted().toList();
        }
    }

    public record Member(String memberId, String clientId, String host, List<String> assignment) {
    }

    public record RecentError(DeadLetterId id, Instant at, String reason, DeadLetter.Origin origin) {
    }
}
