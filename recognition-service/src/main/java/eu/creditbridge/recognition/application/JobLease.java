package eu.creditbridge.recognition.application;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job's lease as this instance sees it. A job that must not run in two instances at once asks {@link #holdOrTake()}
 * before each round; the answer is one conditional write in the store, which also renews the lease, so an instance keeps
 * the job for as long as it keeps running rounds, and another takes it over once a whole {@code term} has passed
 * without one (the holder died, hung or lost the store).
 *
 * <p>A lease is not a lock: a holder stalled beyond its term (a long GC pause) may finish a round while its successor
 * starts one. That is why every job run under a lease is also idempotent on its own (conditional marks in the store,
 * see each job): the lease keeps the work from being done twice in the normal case, the marks keep it from being
 * <em>applied</em> twice in every case, and a successor resumes from those marks, not from anything the dead holder
 * remembered.
 */
public class JobLease {

    private static final Logger log = LoggerFactory.getLogger(JobLease.class);

    private final String job;
    private final String holder;
    private final Duration term;
    private final LeaseStore leases;
    private volatile boolean held;

    /**
     * @param holder this instance, unique among the instances sharing the store (two on one host differ)
     * @param term   how long a holder that stops renewing keeps the job from the others
     */
    public JobLease(String job, String holder, Duration term, LeaseStore leases) {
        if (term.isNegative() || term.isZero()) {
            throw new IllegalArgumentException("a lease term must be positive: " + term);
        }
        this.job = job;
        this.holder = holder;
        this.term = term;
        this.leases = leases;
    }

    /**
     * Takes or renews the lease. False when another instance holds it, and also when the store cannot be reached: a
     * holder that cannot renew must assume another takes over once its term ends.
     */
    public boolean holdOrTake() {
        boolean now;
        try {
            now = leases.hold(job, holder, term);
        } catch (RuntimeException e) {
            now = false;
            log.warn("Lease on {} could not be taken or renewed by {}: {}", job, holder, e.toString());
        }
        if (now != held) {
            log.info(now ? "{} now runs {} (lease of {})" : "{} no longer runs {}; another instance holds it or the store is away",
                    holder, job, term);
            held = now;
        }
        return now;
    }

    /** Whether the last {@link #holdOrTake()} found this instance holding the lease. */
    public boolean held() {
        return held;
    }

    /** On an orderly stop: another instance may take the job over at once instead of after the term. */
    public void release() {
        if (held) {
            held = false;
            try {
                leases.release(job, holder);
            } catch (RuntimeException e) {
                log.warn("Lease on {} could not be released; another instance takes it once its term ends: {}", job, e.toString());
            }
        }
    }

    public String job() {
        return job;
    }

    public String holder() {
        return holder;
    }

    public Duration term() {
        return term;
    }
}
