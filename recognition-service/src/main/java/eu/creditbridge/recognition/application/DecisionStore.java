package eu.creditbridge.recognition.application;

import eu.creditbridge.kernel.DecisionId;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.domain.Revocation;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The decisions, one per (credential, receiving institution), with the outbox mark of their current revision.
 * Implemented in {@code store} by {@code MongoDecisionStore}.
 */
public interface DecisionStore {

    Optional<StoredDecision> find(DecisionId id);

    /** The decisions stored under any of {@code ids}, in one query; an id without a decision is absent from the map. */
    Map<DecisionId, StoredDecision> findAll(Collection<DecisionId> ids);

    /**
     * Inserts the first revision; when the id exists (a redelivery, or a concurrent delivery that won the race)
     * returns the stored decision instead, so a credential is never decided twice.
     */
    StoredDecision insertOrLoad(RecognitionDecision decision);

    /**
     * As {@link #insertOrLoad(RecognitionDecision)}, keeping the credential decided on beside the decision, so a
     * later ruleset version can decide again on what still waits for a registrar ({@code ReevaluatingPendingDecisions}).
     */
    StoredDecision insertOrLoad(RecognitionDecision decision, Credential credential);

    /**
     * As {@link #insertOrLoad(RecognitionDecision, Credential)} for a poll's new decisions, in one unordered bulk
     * insert: each first revision is kept with the trace it was decided in; an id stored already (a redelivery, or
     * another consumer that decided it first) yields the stored decision instead. Stored as published, not pending:
     * the poll sends them before its offsets are committed, and its redelivery sends again what it finds stored
     * ({@link PublishingDecisions#publishPoll}), so the relay has nothing to do for them and no write marks them.
     *
     * @return the stored decisions, in the order given
     */
    List<StoredDecision> insertAllOrLoad(List<NewDecision> decisions);

    /** A first revision about to be stored, with the credential decided on and the W3C traceparent of its work (or null). */
    record NewDecision(RecognitionDecision decision, Credential credential, String traceParent) {
    }

    /**
     * Writes the withdrawn revision, conditional on the decision being at the revision read and not withdrawn:
     * of two concurrent revocations one writes, the other gets the stored result.
     */
    StoredDecision withdraw(RecognitionDecision current, Revocation revocation, Instant at);

    /** Marks the revision published, unless a newer revision was written meanwhile (that one stays pending). */
    void markPublished(DecisionId id, int revision);

    /** {@link #markPublished} for each revision, in one unordered bulk write. */
    void markAllPublished(List<RecognitionDecision> published);

    /** Revisions stored and not yet published: the outbox backlog (on the pendingPublication index). */
    long countPendingPublication();

    List<StoredDecision> pendingPublication(Instant decidedBefore, int limit);
}
