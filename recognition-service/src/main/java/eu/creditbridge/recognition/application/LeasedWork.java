package eu.creditbridge.recognition.application;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that arrives as registry events (a ruleset version published, a signing key reported compromised), which every
 * instance's registry view sees, but which one instance must do: each instance queues it, and only the lease's holder
 * runs it, on a thread of its own (the registry view's thread must keep reading). The lease is renewed every
 * {@code renewEvery} on a second thread, also while a long run is going on, so the holder keeps it for as long as it is
 * alive; the others keep their queue (one entry per key, the latest replacing an older one, so it stays as small as the
 * number of institutions) and run it only if they take the lease over from a holder that died. The jobs resume from the
 * store's own marks (decisions already looked at by a version, or for a key, are skipped by the store's query), so a
 * successor repeats nothing the dead holder finished, and its own run over the same events is a cheap read.
 */
public class LeasedWork implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LeasedWork.class);

    private final JobLease lease;
    private final Duration renewEvery;
    private final Map<String, Work> waiting = new LinkedHashMap<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final ScheduledExecutorService renewing;
    private final ExecutorService working;

    public LeasedWork(JobLease lease, Duration renewEvery) {
        if (renewEvery.compareTo(lease.term()) >= 0) {
            throw new IllegalArgumentException("the lease of " + lease.job() + " must be renewed more often than its term (" + lease.term()
                    + "), not every " + renewEvery);
        }
        this.lease = lease;
        this.renewEvery = renewEvery;
        this.renewing = Executors.newSingleThreadScheduledExecutor(daemon(lease.job() + "-lease"));
        this.working = Executors.newSingleThreadExecutor(daemon(lease.job()));
    }

    /** Starts renewing (or trying to take) the lease, the first time right now. */
    public LeasedWork start() {
        renewing.scheduleWithFixedDelay(this::renew, 0, renewEvery.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private record Work(String what, Runnable run) {
    }

    /**
     * Queues {@code work} under {@code key} (replacing what waits under it) and runs it soon if this instance holds the
     * lease; {@code what} names it in the log if it fails.
     */
    public void submit(String key, String what, Runnable work) {
        synchronized (waiting) {
            waiting.remove(key);
            waiting.put(key, new Work(what, work));
        }
        try {
            renewing.execute(this::renew);
        } catch (RejectedExecutionException stopping) {
            // closed: the next start finds the same work again in the registry view
        }
    }

    /** How many pieces of work wait for this instance to hold the lease (or for the running one to reach them). */
    public int waiting() {
        synchronized (waiting) {
            return waiting.size();
        }
    }

    public JobLease lease() {
        return lease;
    }

    private void renew() {
        if (lease.holdOrTake() && waiting() > 0 && draining.compareAndSet(false, true)) {
            try {
                working.execute(this::drain);
            } catch (RejectedExecutionException stopping) {
                draining.set(false);
            }
        }
    }

    private void drain() {
        try {
            Work next;
            while (lease.held() && (next = next()) != null) {
                try {
                    next.run().run();
                } catch (RuntimeException e) {
                    // Nothing is lost: the store's marks keep what was done, and the next event or start looks again.
                    log.error("{} failed", next.what(), e);
                }
            }
        } finally {
            draining.set(false);
        }
        if (waiting() > 0) {
            renew(); // what was queued while the last piece ran
        }
    }

    private Work next() {
        synchronized (waiting) {
            Iterator<Work> first = waiting.values().iterator();
            if (!first.hasNext()) {
                return null;
            }
            Work work = first.next();
            first.remove();
            return work;
        }
    }

    @Override
    public void close() {
        renewing.shutdownNow();
        working.shutdownNow();
        lease.release();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
