package eu.creditbridge.recognition.application.review;

import eu.creditbridge.kernel.DecisionId;
import eu.creditbridge.recognition.domain.review.AuditEntry;
import eu.creditbridge.recognition.domain.review.ReviewVerdict.Refusal;
import java.util.Optional;

/** What a registrar action came to: done, or why not. */
public sealed interface ReviewResult permits ReviewResult.Revised, ReviewResult.NotFound, ReviewResult.NotAllowed, ReviewResult.Conflict {

    /** The new revision was stored, and the learner record and publication followed (or are left to the relay). */
    record Revised(DecisionSummary decision, AuditEntry entry) implements ReviewResult {
    }

    /** The institution has no decision on that credential. */
    record NotFound(DecisionId id) implements ReviewResult {
    }

    /**
     * The rules refuse the action.
     *
     * @param field the request field at fault (credits, targetCourse, convertedGrade), empty when the decision's state refuses it
     */
    record NotAllowed(DecisionId id, Refusal refusal, Optional<String> field, String explanation) implements ReviewResult {
    }

    /** The decision is no longer at the revision the registrar acted on (someone, or something, changed it first). */
    record Conflict(DecisionId id, int expectedRevision, int currentRevision) implements ReviewResult {
    }
}
