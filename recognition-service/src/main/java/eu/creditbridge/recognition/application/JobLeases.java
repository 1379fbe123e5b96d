package eu.creditbridge.recognition.application;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This instance's leases, one per job that must run in one recognition-service instance at a time, all under one holder
 * name; on an orderly stop {@link #close()} releases them, so a second instance takes the jobs over at once instead of
 * after the term. A killed instance releases nothing: its jobs wait out the term (30 s by default), then move.
 */
public class JobLeases implements AutoCloseable {

    /** Re-sends decision revisions left unpublished ({@link DecisionOutbox}). */
    public static final String DECISIONS_RELAY = "decisions-relay";
    /** Completes registrar actions a crash left half-done (the review package's follow-up relay). */
    public static final String REGISTRAR_FOLLOW_UP = "registrar-follow-up";
    /** Decides again what awaits a registrar when a ruleset version is published ({@link ReevaluatingPendingDecisions}). */
    public static final String RULESET_REEVALUATION = "ruleset-reevaluation";
    /** Sends decisions on a compromised signing key back to review (the review package's reopening). */
    public static final String KEY_COMPROMISE_REVIEW = "key-compromise-review";

    private final LeaseStore store;
    private final String holder;
    private final Duration term;
    private final Map<String, JobLease> leases = new ConcurrentHashMap<>();

    public JobLeases(LeaseStore store, String holder, Duration term) {
        this.store = store;
        this.holder = holder;
        this.term = term;
    }

    /** The job's lease for this instance, the same object on every call. */
    public JobLease of(String job) {
        return leases.computeIfAbsent(job, name -> new JobLease(name, holder, term, store));
    }

    public String holder() {
        return holder;
    }

    public List<JobLease> all() {
        return List.copyOf(leases.values());
    }

    @Override
    public void close() {
        leases.values().forEach(JobLease::release);
    }
}
