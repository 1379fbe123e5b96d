package eu.creditbridge.localstack.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.creditbridge.localstack.chaos.ChaosPlan.PlannedFault;
import eu.creditbridge.localstack.chaos.ChaosResult.FaultRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FaultScheduleTest {

    private static final int CREDENTIALS = 100;
    private final AtomicInteger done = new AtomicInteger();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final StandInStack stack = new StandInStack();

    @Test
    void eachFaultStrikesInOrderOnceItsShareOfTheCredentialsIsDone() throws Exception {
        FaultSchedule schedule = schedule(new PlannedFault(Fault.KILL_ISSUER, 0.5), new PlannedFault(Fault.KILL_RECOGNITION, 0.2));
        CompletableFuture<Void> client = oneClient(schedule);

        schedule.strikeInTurn(done::get);
        client.join();
        schedule.awaitRecoveries();

        assertThat(schedule.struck()).extracting(FaultRecord::fault).containsExactly(Fault.KILL_RECOGNITION, Fault.KILL_ISSUER);
        assertThat(schedule.struck()).extracting(FaultRecord::afterCredentials).containsExactly(20, 50);
        assertThat(stack.inflictedAfter).containsEntry(Fault.KILL_RECOGNITION, 20).containsEntry(Fault.KILL_ISSUER, 50);
        assertThat(done.get()).isEqualTo(CREDENTIALS);
        assertThat(schedule.lastRecovered()).isPresent();
        assertThat(problems).isEmpty();
    }

    @Test
    void credentialsBeyondAFaultWaitUntilItHasStruck() {
        FaultSchedule schedule = schedule(new PlannedFault(Fault.KILL_RECOGNITION, 0.3));
        oneClient(schedule);

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> done.get() == 30);

        CompletableFuture.runAsync(() -> strikeInTurn(schedule));
        await().atMost(Duration.ofSeconds(5)).until(() -> done.get() == CREDENTIALS);
    }

    @Test
    void anOutageOfInfrastructureWaitsUntilEveryEarlierFaultHasRecovered() {
        CompletableFuture<Void> recognitionBack = holdRecovery(Fault.KILL_RECOGNITION);
        streamWith(new PlannedFault(Fault.KILL_RECOGNITION, 0.2), new PlannedFault(Fault.RESTART_BROKER, 0.5));

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> done.get() == 50);
        assertThat(stack.inflictedAfter).containsOnlyKeys(Fault.KILL_RECOGNITION);

        recognitionBack.complete(null);
        await().atMost(Duration.ofSeconds(5)).until(() -> stack.inflictedAfter.containsKey(Fault.RESTART_BROKER));
        await().atMost(Duration.ofSeconds(5)).until(() -> done.get() == CREDENTIALS);
    }

    @Test
    void aServiceCrashDoesNotWaitForAnEarlierCrashToRecover() {
        CompletableFuture<Void> recognitionBack = holdRecovery(Fault.KILL_RECOGNITION);
        FaultSchedule schedule = streamWith(new PlannedFault(Fault.KILL_RECOGNITION, 0.2), new PlannedFault(Fault.KILL_ISSUER, 0.5));

        await().atMost(Duration.ofSeconds(5)).until(() -> stack.inflictedAfter.containsKey(Fault.KILL_ISSUER));
        assertThat(schedule.struck()).extracting(FaultRecord::fault).containsExactly(Fault.KILL_ISSUER);
        recognitionBack.complete(null);
        await().atMost(Duration.ofSeconds(5)).until(() -> schedule.struck().size() == 2);
    }

    @Test
    void aFaultThatCannotBeInflictedIsAProblemAndTheStreamGoesOn() throws Exception {
        stack.refusing = Fault.KILL_ISSUER;
        FaultSchedule schedule = schedule(new PlannedFault(Fault.KILL_ISSUER, 0.4));
        CompletableFuture<Void> client = oneClient(schedule);

        schedule.strikeInTurn(done::get);
        client.join();
        schedule.awaitRecoveries();

        assertThat(done.get()).isEqualTo(CREDENTIALS);
        assertThat(problems).containsExactly("could not kill -9 issuer-service: no such process");
    }

    @Test
    void theScheduleIsDescribedWithEachFaultsPoint() {
        assertThat(schedule(new PlannedFault(Fault.KILL_RECOGNITION, 0.2), new PlannedFault(Fault.RESTART_BROKER, 0.7)).describe())
                .isEqualTo("kill -9 recognition-service after 20, restart the Kafka broker after 70");
        assertThat(schedule().describe()).isEqualTo("none");
    }

    /** The component stays down until the test completes the answer. */
    private CompletableFuture<Void> holdRecovery(Fault fault) {
        CompletableFuture<Void> back = new CompletableFuture<>();
        stack.recoveries.put(fault, back);
        return back;
    }

    /** One client issuing while the schedule strikes, both in the background. */
    private FaultSchedule streamWith(PlannedFault... faults) {
        FaultSchedule schedule = schedule(faults);
        oneClient(schedule);
        CompletableFuture.runAsync(() -> strikeInTurn(schedule));
        return schedule;
    }

    private FaultSchedule schedule(PlannedFault... faults) {
        ChaosPlan plan = ChaosPlan.of(CREDENTIALS, 10).withFaults(List.of(faults));
        return new FaultSchedule(plan, stack, line -> { }, problems::add);
    }

    /** One client, so the count of credentials done when a fault strikes is exactly its threshold. */
    private CompletableFuture<Void> oneClient(FaultSchedule schedule) {
        return CompletableFuture.runAsync(() -> {
            for (int index = 0; index < CREDENTIALS; index++) {
                schedule.awaitTurn(index);
                done.incrementAndGet();
            }
        });
    }

    private void strikeInTurn(FaultSchedule schedule) {
        try {
            schedule.strikeInTurn(done::get);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Notes what was inflicted when; a recovery may be held until the test lets it go. */
    private final class StandInStack implements FaultTarget {
        final Map<Fault, Integer> inflictedAfter = new ConcurrentHashMap<>();
        final Map<Fault, CompletableFuture<Void>> recoveries = new ConcurrentHashMap<>();
        volatile Fault refusing;

        @Override
        public void inflict(Fault fault) {
            if (fault == refusing) {
                throw new IllegalStateException("no such process");
            }
            inflictedAfter.put(fault, done.get());
        }

        @Override
        public void recover(Fault fault) {
            recoveries.getOrDefault(fault, CompletableFuture.completedFuture(null)).join();
        }
    }
}
