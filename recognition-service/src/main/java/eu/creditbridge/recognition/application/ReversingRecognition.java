package eu.creditbridge.recognition.application;

import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.domain.Revocation;
import eu.creditbridge.recognition.store.DecisionStore;
import eu.creditbridge.recognition.store.LearnerRecordStore;
import eu.creditbridge.recognition.store.RevocationStore;
import eu.creditbridge.recognition.store.StoredDecision;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The issuer revoked a credential: the decision on it is withdrawn and its credits leave the learner's record.
 *
 * <p>Steps, each safe to repeat on redelivery:
 * <ol>
 *   <li>Record the revocation (insert, unique per decision id; a repeat is a no-op). Written first, so an
 *       issuance decided later, or concurrently, sees it and is not recognised.</li>
 *   <li>No decision yet: done; the marker is what a late or replayed issuance will find.</li>
 *   <li>Withdraw the decision: revision + 1, outcome WITHDRAWN, no credits — conditional on it not being
 *       withdrawn already, so a repeat does not make a third revision.</li>
 *   <li>Mark the learner record's component WITHDRAWN and subtract its credits in one conditional update
 *       (only while the component still counts): a repeat matches nothing and the totals fall once.</li>
 *   <li>Publish the withdrawn revision if unpublished (as for a new decision; the relay repairs failures).</li>
 * </ol>
 */
public class ReversingRecognition {

    private final DecisionStore decisions;
    private final LearnerRecordStore learnerRecords;
    private final RevocationStore revocations;
    private final PublishingDecisions publishing;
    private final Clock clock;
    private final RecognitionMetrics metrics;

    public ReversingRecognition(DecisionStore decisions, LearnerRecordStore learnerRecords, RevocationStore revocations,
                                PublishingDecisions publishing, Clock clock) {
        this(decisions, learnerRecords, revocations, publishing, clock, RecognitionMetrics.NONE);
    }

    public ReversingRecognition(DecisionStore decisions, LearnerRecordStore learnerRecords, RevocationStore revocations,
                                PublishingDecisions publishing, Clock clock, RecognitionMetrics metrics) {
        this.metrics = metrics;
        this.decisions = decisions;
        this.learnerRecords = learnerRecords;
        this.revocations = revocations;
        this.publishing = publishing;
        this.clock = clock;
    }

    /** @return the withdrawn decision, or empty when the credential had not been decided on yet */
    public Optional<RecognitionDecision> reverse(Revocation revocation) {
        revocations.record(revocation);
        Optional<StoredDecision> existing = decisions.find(revocation.decisionId());
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        StoredDecision withdrawn = existing.get();
        if (!withdrawn.decision().isWithdrawn()) {
            Instant at = clock.instant();
            withdrawn = decisions.withdraw(withdrawn.decision(), revocation, at);
            // A concurrent revocation that withdrew it first stored its own instant: that one was counted there.
            if (withdrawn.decision().decidedAt().truncatedTo(ChronoUnit.MILLIS).equals(at.truncatedTo(ChronoUnit.MILLIS))) {
                metrics.decisionRevised(withdrawn.decision(), RevisionCause.REVOCATION);
            }
        }
        learnerRecords.withdraw(revocation, withdrawn.decision().decidedAt());
        publishing.publishIfPending(withdrawn);
        return Optional.of(withdrawn.decision());
    }
}
