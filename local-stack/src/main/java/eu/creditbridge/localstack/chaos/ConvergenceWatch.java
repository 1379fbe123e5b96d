package eu.creditbridge.localstack.chaos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * The convergence rule: the pipeline has converged once every consumer group's lag is zero, every credential's
 * decision is at the issuer and every learner record holds exactly its expected totals; a record holding more than
 * it should ends the wait. Each look is cheapest first: the lag, then (only once it is zero) the issuer's decisions,
 * then (only once all are there) the learner records. Learners already found complete are not compared again, as
 * totals only grow in a run; the verification compares every one once more.
 */
final class ConvergenceWatch {

    private final List<ExpectedRecord> expected;
    private final int credentials;
    private final List<String> groups;
    private final PipelineReadings readings;
    private final Set<Integer> pendingLearners = ConcurrentHashMap.newKeySet();
    private volatile Instant convergedAt;

    ConvergenceWatch(List<ExpectedRecord> expected, int credentials, List<String> groups, PipelineReadings readings) {
        this.expected = expected;
        this.credentials = credentials;
        this.groups = groups;
        this.readings = readings;
        IntStream.range(0, expected.size()).forEach(pendingLearners::add);
    }

    /** One look at the pipeline. */
    Convergence observe() {
        Map<String, Long> lags = new LinkedHashMap<>();
        try {
            lags.putAll(readings.lag());
        } catch (Exception e) {
            groups.forEach(group -> lags.put(group, -1L));
        }
        int decided = -1;
        List<String> overCounted = new ArrayList<>();
        if (lags.values().stream().allMatch(records -> records == 0)) {
            decided = readings.exactDecisionsAtIssuer(new ArrayList<>());
        }
        if (decided == credentials) {
            Map<String, LearnerRecord> records = readings.learnerRecords(new ArrayList<>());
            for (int learner : List.copyOf(pendingLearners)) {
                ExpectedRecord want = expected.get(learner);
                Optional<String> difference = want.differenceFrom(records.get(want.learnerId()));
                if (difference.isEmpty()) {
                    pendingLearners.remove(learner);
                } else if (difference.get().startsWith(ExpectedRecord.COUNTED_TWICE)) {
                    overCounted.add(difference.get());
                }
            }
        }
        Convergence convergence = new Convergence(expected.size() - pendingLearners.size(), expected.size(), lags, decided,
                credentials, overCounted);
        if (convergence.converged() && convergedAt == null) {
            convergedAt = Instant.now();
        }
        return convergence;
    }

    /** When a look first found the pipeline converged. */
    Optional<Instant> convergedAt() {
        return Optional.ofNullable(convergedAt);
    }
}
