package eu.creditbridge.localstack.chaos;

import eu.creditbridge.localstack.chaos.ChaosPlan.PlannedFault;
import eu.creditbridge.localstack.chaos.ChaosResult.FaultRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * Which fault strikes when, and the restarts. Faults come in order at their share of the credentials: a client holds
 * back a credential beyond a fault's point ({@link #awaitTurn}) until that fault has struck, so every fault strikes
 * while credentials are still being issued, however fast the stream is. A crashed service is started again in the
 * background, so service crashes may overlap; an outage of infrastructure waits until every earlier fault has
 * recovered, as a service starting while infrastructure is away could give up.
 */
final class FaultSchedule {

    private final List<PlannedFault> planned;
    private final int[] thresholds;
    private final List<CompletableFuture<Void>> struck;
    private final List<CompletableFuture<Void>> recoveries = new ArrayList<>();
    private final List<FaultRecord> records = new ArrayList<>();
    private final FaultTarget target;
    private final Consumer<String> log;
    private final Consumer<String> problems;
    private Instant lastRecovered;

    FaultSchedule(ChaosPlan plan, FaultTarget target, Consumer<String> log, Consumer<String> problems) {
        this.planned = plan.faults();
        this.thresholds = planned.stream().mapToInt(plan::threshold).toArray();
        this.struck = planned.stream().map(fault -> new CompletableFuture<Void>()).toList();
        this.target = target;
        this.log = log;
        this.problems = problems;
    }

    /** A client's wait before credential {@code index}: until every fault due at or before it has struck. */
    void awaitTurn(int index) {
        for (int k = 0; k < thresholds.length && thresholds[k] <= index; k++) {
            struck.get(k).join();
        }
    }

    /**
     * Strikes each fault once {@code done} credentials have reached its threshold, in order, and returns after the last
     * one struck; their recoveries go on in the background ({@link #awaitRecoveries}).
     */
    void strikeInTurn(IntSupplier done) throws InterruptedException {
        for (int k = 0; k < planned.size(); k++) {
            while (done.getAsInt() < thresholds[k]) {
                Thread.sleep(20);
            }
            if (planned.get(k).fault().isOutage()) {
                awaitRecoveries();
            }
            recoveries.add(strike(planned.get(k).fault(), struck.get(k), done.getAsInt()));
        }
    }

    void awaitRecoveries() {
        CompletableFuture.allOf(recoveries.toArray(CompletableFuture[]::new)).join();
    }

    /** Lets every held-back credential go, for a stream that broke off. */
    void openEveryGate() {
        struck.forEach(gate -> gate.complete(null));
    }

    /** Inflicts the fault, opens the gate for the credentials after it, and recovers in the background. */
    private CompletableFuture<Void> strike(Fault fault, CompletableFuture<Void> gate, int after) {
        Instant down = Instant.now();
        try {
            log.accept(String.format("  FAULT after %,d credentials: %s", after, fault.description()));
            target.inflict(fault);
        } catch (RuntimeException e) {
            problems.accept("could not " + fault.description() + ": " + e.getMessage());
        } finally {
            gate.complete(null);
        }
        return CompletableFuture.runAsync(() -> {
            try {
                target.recover(fault);
            } catch (RuntimeException e) {
                problems.accept(fault.component() + " did not come back after '" + fault.description() + "': " + e.getMessage());
            }
            Instant up = Instant.now();
            Duration downtime = Duration.between(down, up);
            synchronized (records) {
                lastRecovered = lastRecovered == null || up.isAfter(lastRecovered) ? up : lastRecovered;
                records.add(new FaultRecord(fault, after, downtime));
            }
            log.accept(String.format("  %s is back after %.1f s", fault.component(), downtime.toMillis() / 1000.0));
        }, command -> {
            Thread thread = new Thread(command, "chaos-recover-" + fault.component());
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** The faults that struck, in the order they struck, with how long each component was down. */
    List<FaultRecord> struck() {
        synchronized (records) {
            return records.stream().sorted(Comparator.comparingInt(FaultRecord::afterCredentials)).toList();
        }
    }

    /** When the last faulted component was ready again. */
    Optional<Instant> lastRecovered() {
        synchronized (records) {
            return Optional.ofNullable(lastRecovered);
        }
    }

    /** "kill -9 recognition-service after 4,000, ...", or "none". */
    String describe() {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < planned.size(); k++) {
            parts.add(planned.get(k).fault().description() + " after " + String.format("%,d", thresholds[k]));
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }
}
