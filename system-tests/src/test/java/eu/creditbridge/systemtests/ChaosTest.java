package eu.creditbridge.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import eu.creditbridge.localstack.LocalStack;
import eu.creditbridge.localstack.StackComponent;
import eu.creditbridge.localstack.chaos.ChaosPlan;
import eu.creditbridge.localstack.chaos.ChaosResult;
import eu.creditbridge.localstack.chaos.ChaosRun;
import eu.creditbridge.localstack.chaos.Fault;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fault test at CI size, on the shared stack: credentials issued over REST while MongoDB and the broker are
 * restarted and recognition-service and issuer-service are killed (kill -9); every learner record ends exact. The same
 * {@link ChaosRun} runs at full size as {@code ./creditbridge chaos}. Every process is running again when it ends,
 * for the test classes after this one.
 */
class ChaosTest {

    private static final int CREDENTIALS = 800;
    private static final int LEARNERS = 100;
    private static final Duration CONVERGENCE = Duration.ofSeconds(180);
    /*
     * The outages first, then the crashes, which overlap. A credential the killed issuer had leased for publishing
     * waits in its outbox until the lease ends (30 s), so the stream after the last fault must outlast that.
     */
    private static final List<ChaosPlan.PlannedFault> FAULTS = List.of(
            new ChaosPlan.PlannedFault(Fault.RESTART_MONGODB, 0.10),
            new ChaosPlan.PlannedFault(Fault.RESTART_BROKER, 0.20),
            new ChaosPlan.PlannedFault(Fault.KILL_RECOGNITION, 0.45),
            new ChaosPlan.PlannedFault(Fault.KILL_ISSUER, 0.70));

    @Test
    void credentialsIssuedThroughServiceCrashesAndMongoAndBrokerRestartsAreEachCountedExactlyOnce() {
        LocalStack stack = EmbeddedStack.get();
        ChaosPlan plan = ChaosPlan.of(CREDENTIALS, LEARNERS).withConcurrency(8).withFaults(FAULTS);
        ChaosResult result;
        Throwable convergence;
        try (ChaosRun run = new ChaosRun(stack, plan, line -> System.out.println("[chaos] " + line))) {
            run.stream();
            convergence = catchThrowable(() -> await("learner records exact, lag zero, decisions at the issuer")
                    .atMost(CONVERGENCE).pollInterval(Duration.ofSeconds(1))
                    .conditionEvaluationListener(condition -> System.out.println("[chaos] " + condition.getValue()))
                    .until(run::observe, now -> now.converged() || now.countedTwice()));
            result = run.verify();
        }
        System.out.print(result.report());

        assertThat(result.problems()).as(result.report()).isEmpty();
        assertThat(convergence).as("converged within " + CONVERGENCE.toSeconds() + " s").isNull();
        assertThat(result.learnersMatching()).isEqualTo(LEARNERS);
        assertThat(result.decisionsAtIssuer()).isEqualTo(CREDENTIALS);
        assertThat(result.faults()).extracting(ChaosResult.FaultRecord::fault)
                .containsExactly(Fault.RESTART_MONGODB, Fault.RESTART_BROKER, Fault.KILL_RECOGNITION, Fault.KILL_ISSUER);
        assertThat(stack.components()).allMatch(StackComponent::isRunning);
    }
}
