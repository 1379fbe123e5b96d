package eu.creditbridge.recognition.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Leases on the jobs that must run in one recognition-service instance at a time (the relays, re-evaluation on a new
 * ruleset version, reopening on a compromised key): one document per job, taken and renewed by one atomic conditional
 * write, so two instances never both believe they hold it, with no transaction and no lock service beside the store.
 */
public interface LeaseStore {

    /**
     * Takes the job's lease for {@code holder} until {@code term} from now, or renews it, if nobody holds it, its term
     * has run out, or {@code holder} holds it already.
     *
     * @return whether {@code holder} holds the lease now
     */
    boolean hold(String job, String holder, Duration term);

    /** Ends {@code holder}'s lease at once, so another instance need not wait for its term; nothing if another holds it. */
    void release(String job, String holder);

    /** The job's lease as stored (who held it last, and until when), if it was ever taken. */
    Optional<Lease> find(String job);

    /**
     * @param takeovers how many times the lease passed to another holder than the one before (for logs and tests)
     */
    record Lease(String job, String holder, Instant expiresAt, long takeovers) {
    }
}
