package eu.creditbridge.messaging.outbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a service's outbox relays on one thread of their own: a round every {@code relayInterval} (fixed delay, the
 * first right after start-up, so what a crash left is published when the service comes back), and a round soon after
 * {@link #relayNow()} when a writer has just stored entries. Requests made while one is queued are one round. One thread
 * means one relay at a time in a process; across instances the outboxes' own claims (leases, conditional marks) keep
 * order. A failing round is logged and the next one tries again: whatever was not marked stays pending.
 */
public class OutboxRelayScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayScheduler.class);

    private final List<OutboxRelay<?>> relays;
    private final Duration interval;
    private final AtomicBoolean requested = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;

    public OutboxRelayScheduler(List<OutboxRelay<?>> relays, Duration interval) {
        this.relays = List.copyOf(relays);
        this.interval = interval;
    }

    /** Asks for a round now (on the relay's thread; the caller does not wait). Nothing happens before start or after stop. */
    public void relayNow() {
        var running = executor;
        if (running != null && requested.compareAndSet(false, true)) {
            try {
                running.execute(() -> {
                    requested.set(false);
                    round();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                requested.set(false); // stopping: the next start's first round publishes it
            }
        }
    }

    void round() {
        for (OutboxRelay<?> relay : relays) {
            try {
                relay.relayPending();
            } catch (RuntimeException e) {
                // The store or the broker is away: nothing was marked that was not published; the next round retries.
                log.warn("Outbox {} relay round failed, the next round retries: {}", relay.name(), e.toString());
            }
        }
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::round, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        var running = executor;
        executor = null;
        if (running == null) {
            return;
        }
        running.shutdownNow();
        try {
            if (!running.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("Outbox relay still running 10 s after stop; its entries stay pending for the next start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** Starts after the Kafka producer and the stores are ready, stops before them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1_000;
    }
}
