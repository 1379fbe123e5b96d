package eu.creditbridge.localstack.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConvergenceWatchTest {

    private static final int CREDENTIALS = 2;
    private static final List<String> GROUPS = List.of("recognition-service", "issuer-service");
    private static final ExpectedRecord LEARNER = ExpectedRecordTest.WANT;
    private final StandInPipeline pipeline = new StandInPipeline();
    private final ConvergenceWatch watch = new ConvergenceWatch(List.of(LEARNER), CREDENTIALS, GROUPS, pipeline);

    @Test
    void decisionsAreNotReadWhileAConsumerGroupLags() {
        pipeline.lag.put("recognition-service", 5L);

        Convergence now = watch.observe();

        assertThat(now.converged()).isFalse();
        assertThat(now.decisionsAtIssuer()).isEqualTo(-1);
        assertThat(pipeline.decisionReads.get()).isZero();
        assertThat(now.describe()).contains("recognition-service=5", "(read once the lag is zero)");
    }

    @Test
    void aLagThatCannotBeReadIsNotZero() {
        pipeline.brokerAway = true;

        Convergence now = watch.observe();

        assertThat(now.lag()).containsOnly(Map.entry("recognition-service", -1L), Map.entry("issuer-service", -1L));
        assertThat(now.converged()).isFalse();
        assertThat(now.describe()).contains("recognition-service=?");
    }

    @Test
    void learnerRecordsAreReadOnlyOnceEveryDecisionIsAtTheIssuer() {
        pipeline.decisions = 1;
        pipeline.records.put(LEARNER.learnerId(), ExpectedRecordTest.exact());

        Convergence now = watch.observe();

        assertThat(now.decisionsAtIssuer()).isEqualTo(1);
        assertThat(now.learnersMatching()).isZero();
        assertThat(pipeline.recordReads.get()).isZero();
        assertThat(now.converged()).isFalse();
    }

    @Test
    void convergedOnceTheLagIsZeroEveryDecisionIsThereAndEveryRecordIsExact() {
        pipeline.decisions = CREDENTIALS;
        pipeline.records.put(LEARNER.learnerId(), ExpectedRecordTest.exact());

        Convergence now = watch.observe();

        assertThat(now.converged()).isTrue();
        assertThat(now.learnersMatching()).isEqualTo(1);
        assertThat(watch.convergedAt()).isPresent();
    }

    @Test
    void aRecordStillShortIsWaitedFor() {
        pipeline.decisions = CREDENTIALS;
        pipeline.records.put(LEARNER.learnerId(), ExpectedRecordTest.record("4", Map.of(), "a"));

        Convergence now = watch.observe();

        assertThat(now.converged()).isFalse();
        assertThat(now.countedTwice()).isFalse();
        assertThat(watch.convergedAt()).isEmpty();
    }

    @Test
    void aRecordHoldingMoreThanExpectedIsCountedTwiceAndEndsTheWait() {
        pipeline.decisions = CREDENTIALS;
        pipeline.records.put(LEARNER.learnerId(), ExpectedRecordTest.record("9", Map.of(), "a", "a"));

        Convergence now = watch.observe();

        assertThat(now.countedTwice()).isTrue();
        assertThat(now.converged()).isFalse();
        assertThat(now.describe()).contains("COUNTED TWICE: counted twice");
    }

    @Test
    void aLearnerFoundCompleteIsNotComparedAgain() {
        pipeline.decisions = CREDENTIALS;
        pipeline.records.put(LEARNER.learnerId(), ExpectedRecordTest.exact());
        watch.observe();
        pipeline.records.clear();

        assertThat(watch.observe().learnersMatching()).isEqualTo(1);
    }

    /** The lag, the issuer's decisions and the learner records as a test sets them; counts its reads. */
    private static final class StandInPipeline implements PipelineReadings {
        final Map<String, Long> lag = new LinkedHashMap<>(Map.of("recognition-service", 0L, "issuer-service", 0L));
        final Map<String, LearnerRecord> records = new HashMap<>();
        final AtomicInteger decisionReads = new AtomicInteger();
        final AtomicInteger recordReads = new AtomicInteger();
        volatile boolean brokerAway;
        volatile int decisions;

        @Override
        public Map<String, Long> lag() {
            if (brokerAway) {
                throw new IllegalStateException("broker away");
            }
            return lag;
        }

        @Override
        public int exactDecisionsAtIssuer(List<String> mismatches) {
            decisionReads.incrementAndGet();
            return decisions;
        }

        @Override
        public Map<String, LearnerRecord> learnerRecords(List<String> problems) {
            recordReads.incrementAndGet();
            return Map.copyOf(records);
        }
    }
}
