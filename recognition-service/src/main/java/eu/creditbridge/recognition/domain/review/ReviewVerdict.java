package eu.creditbridge.recognition.domain.review;

import eu.creditbridge.recognition.domain.RecognitionDecision;
import java.util.Objects;
import java.util.Optional;

/** What {@link ReviewPolicy} concluded: the next revision with its audit entry, or a refusal with its reason. */
public sealed interface ReviewVerdict permits ReviewVerdict.Revised, ReviewVerdict.Refused {

    /**
     * @param openQuestion the question out after this action: set by asking, cleared by approving or rejecting
     */
    record Revised(RecognitionDecision next, AuditEntry entry, Optional<OpenQuestion> openQuestion) implements ReviewVerdict {

        public Revised {
            Objects.requireNonNull(next, "next revision is required");
            Objects.requireNonNull(entry, "audit entry is required");
            openQuestion = Objects.requireNonNullElse(openQuestion, Optional.empty());
            if (entry.revision() != next.revision()) {
                throw new IllegalArgumentException("the audit entry belongs to revision " + next.revision());
            }
        }
    }

    /**
     * @param field the request field at fault, when one is (credits, target, convertedGrade); empty when the
     *              decision's state refuses the action whatever is sent
     */
    record Refused(Refusal refusal, Optional<String> field, String explanation) implements ReviewVerdict {

        public Refused {
            Objects.requireNonNull(refusal, "refusal is required");
            field = Objects.requireNonNullElse(field, Optional.empty());
            Objects.requireNonNull(explanation, "explanation is required");
        }
    }

    /** Why an action is refused. */
    enum Refusal {
        /** Recognised, rejected or withdrawn already: only decisions awaiting a registrar are acted on. */
        NOT_AWAITING_REGISTRAR,
        /** The issuer revoked the credential: it is never recognised. */
        REVOKED,
        /** Credits of zero, or more than the credential carries. */
        CREDITS_OUT_OF_BOUNDS,
        /** Nothing to count the credits as: no target given, and none suggested. */
        NO_TARGET,
        /** A converted grade for a credential without a grade, or without a home scheme to write it in. */
        GRADE_NOT_CONVERTIBLE,
        /**
         * The credential's signature is not VALID: approved only by an explicit override with a reason, never as
         * suggested or in bulk.
         */
        SIGNATURE_NOT_VALID
    }
}
