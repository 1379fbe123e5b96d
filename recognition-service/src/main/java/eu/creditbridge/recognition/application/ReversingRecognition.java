package eu.creditbridge.recognition.application;

import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.domain.Revocation;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The issuer revoked a credential: the decision on it is withdrawn and its credits leave the learner's record.
 *
 * <p>Only the credential's issuing institution may revoke it: the institution whose key signed it, and the one
 * issuer-service revokes as. For a joint credential that is the issuing institution (the first awarding body), not
 * every awarding body: recognition keeps only the issuer, and the signature it trusted is the issuer's.
 *
 * <p>Steps, each safe to repeat on redelivery:
 * <ol>
 *   <li>A decision is there and names another issuer: refused ({@link RevocationRefused}, dead-lettered by the
 *       listener, counted), nothing written.</li>
 *   <li>Record the revocation (insert, unique per decision id; a repeat is a no-op). Written first, so an
 *       issuance decided later, or concurrently, sees it and is not recognised.</li>
 *   <li>No decision yet: done; the marker is what a late or replayed issuance will find. Who sent it is checked
 *       then: {@link RecognisingCredential} honours only the issuer's.</li>
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
    /** @throws RevocationRefused when the decision's credential was issued by another institution (nothing is written) */
    public Optional<RecognitionDecision> reverse(Revocation revocation) {
        Optional<StoredDecision> existing = decisions.find(revocation.decisionId());
        if (existing.isPresent() && !existing.get().decision().issuingInstitution().equals(revocation.issuingInstitution())) {
            metrics.revocationRefused(RevocationRefused.NOT_THE_ISSUER);
            throw new RevocationRefused(revocation, existing.get().decision().issuingInstitution());
        }
        revocations.record(revocation);
        if (existing.isEmpty()) {
            // Read again: an issuance stored between the read and the record must still see it (it reads after storing).
            existing = decisions.find(revocation.decisionId());
            if (existing.isEmpty()) {
                return Optional.empty();
            }
            if (!existing.get().decision().issuingInstitution().equals(revocation.issuingInstitution())) {
                return Optional.empty(); // recorded, but never read back: the issuance refuses it (see RecognisingCredential)
            }
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
