package eu.creditbridge.recognition.application;

import eu.creditbridge.kernel.DecisionId;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import java.util.List;
import java.util.Optional;

/**
 * Decisions the rules left to a registrar, as re-evaluation reads and revises them.
 * Implemented in {@code store} by {@code MongoPendingDecisionStore}.
 */
public interface PendingDecisionStore {

    /** A decision awaiting a registrar, with the credential it was made on (absent for decisions stored before snapshots). */
    public record PendingDecision(StoredDecision stored, Optional<Credential> credential) {
    }

    /**
     * Up to {@code limit} of the institution's decisions awaiting a registrar that were decided, and not yet
     * re-evaluated, under a ruleset version older than {@code version}; in id order after {@code afterId}, so a
     * caller pages through them once even when some stay pending.
     */
    List<PendingDecision> awaitingRegistrar(SchacCode institution, int version, Optional<String> afterId, int limit);

    /**
     * Writes the next revision, only if the decision is still the one read: same revision, still awaiting a
     * registrar, still decided by the rules. A registrar or a revocation that got there first wins.
     *
     * @return the stored new revision, or empty when the decision changed meanwhile
     */
    Optional<StoredDecision> revise(RecognitionDecision current, RecognitionDecision next, int version);

    /** Records that a ruleset version re-decided the decision and left it as it was. */
    void markEvaluated(RecognitionDecision current, int version);

    Optional<Credential> credentialOf(DecisionId id);
}
