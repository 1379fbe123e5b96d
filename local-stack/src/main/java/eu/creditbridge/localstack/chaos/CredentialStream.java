package eu.creditbridge.localstack.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/** The workload's credentials issued through the issuer's API by concurrent clients, with the progress told every tenth. */
final class CredentialStream {

    private final Workload workload;
    private final IssuerApi issuer;
    private final ExecutorService clients;
    private final int concurrency;
    private final Consumer<String> log;
    private final Consumer<String> problems;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile Instant started;
    private volatile Instant lastAccepted;

    CredentialStream(Workload workload, IssuerApi issuer, ExecutorService clients, int concurrency, Consumer<String> log,
            Consumer<String> problems) {
        this.workload = workload;
        this.issuer = issuer;
        this.clients = clients;
        this.concurrency = concurrency;
        this.log = log;
        this.problems = problems;
    }

    /** Starts the clients; each waits for {@code beforeEach} (the fault schedule's turn) before a credential. */
    List<Future<?>> start(Instant startedAt, IntConsumer beforeEach) {
        started = startedAt;
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            workers.add(clients.submit(() -> {
                for (int index = next.getAndIncrement(); index < workload.size(); index = next.getAndIncrement()) {
                    beforeEach.accept(index);
                    issue(index);
                }
            }));
        }
        return workers;
    }

    /** Credentials answered, accepted or not. */
    int done() {
        return done.get();
    }

    int accepted() {
        return accepted.get();
    }

    Instant lastAcceptedOrNow() {
        return lastAccepted != null ? lastAccepted : Instant.now();
    }

    private void issue(int index) {
        try {
            issuer.issue(workload.credentialId(index), workload.json(index)).ifPresentOrElse(problems, this::accept);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.accept("interrupted while issuing credential " + index);
        } finally {
            done.incrementAndGet();
        }
    }

    private void accept() {
        lastAccepted = Instant.now();
        int count = accepted.incrementAndGet();
        int tenth = Math.max(1, workload.size() / 10);
        if (count % tenth == 0) {
            log.accept(String.format("  issued %,d of %,d (%.0f/s)", count, workload.size(),
                    count / Math.max(0.001, Duration.between(started, Instant.now()).toMillis() / 1000.0)));
        }
    }
}
