package eu.creditbridge.recognition.application.review;

import eu.creditbridge.kernel.DecisionId;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.application.StoredDecision;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.domain.review.AuditEntry;
import eu.creditbridge.recognition.domain.review.OpenQuestion;
import eu.creditbridge.recognition.domain.review.Registrar;
import eu.creditbridge.recognition.domain.review.ReviewStatus;
import eu.creditbridge.recognition.domain.review.ReviewVerdict;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Decisions as a registrar reviews them: the decision with its credential snapshot and open question.
 * Implemented in {@code store} by {@code MongoReviewStore}.
 */
public interface ReviewStore {

    /** A decision with what registrar review keeps beside it. */
    public record ReviewedDecision(StoredDecision stored, Optional<Credential> credential, Optional<OpenQuestion> openQuestion,
                                   List<AuditEntry> audit, boolean followUpPending, int followUpRevision) {

        public RecognitionDecision decision() {
            return stored.decision();
        }

        public ReviewStatus status() {
            return ReviewStatus.of(stored.decision().outcome(), openQuestion.isPresent());
        }
    }

    Optional<ReviewedDecision> find(DecisionId id);

    /**
     * Writes a registrar's revision, only if the decision is still the one the registrar acted on.
     *
     * @return the decision as stored after the write, or empty when it changed meanwhile (nothing was written)
     */
    Optional<ReviewedDecision> revise(RecognitionDecision current, ReviewVerdict.Revised revised);

    /**
     * Up to {@code limit} decisions on credentials of {@code issuer} signed with {@code keyId} and dated on or after
     * {@code from}, of the outcomes a compromise re-decides, not looked at for this key yet; in id order after
     * {@code afterId}. On the {@code by-signing-key} index; decisions stored before the key id was kept beside them
     * get it from their credential snapshot first.
     */
    List<ReviewedDecision> signedWith(SchacCode issuer, String keyId, LocalDate from, Optional<String> afterId, int limit);

    /**
     * Writes the revision a key compromise makes, in ONE conditional update: still at the revision read, not looked
     * at for this key yet. Marks it looked at, pushes the audit entry, sets the outbox and follow-up marks.
     *
     * @return the decision as stored after the write, or empty when it changed meanwhile (nothing was written)
     */
    Optional<ReviewedDecision> reopen(RecognitionDecision current, ReviewVerdict.Revised revised, String keyId);

    /** Records that the decision was looked at for the key's compromise and needed no new revision. */
    void reviewedForKey(DecisionId id, String keyId);

    /** The steps after a registrar's revision are done; a later revision's mark stays. */
    void followedUp(DecisionId id, int revision);

    /** Registrar revisions whose follow-up steps were not completed, decided before the given time. */
    List<ReviewedDecision> awaitingFollowUp(Instant decidedBefore, int limit);
}
