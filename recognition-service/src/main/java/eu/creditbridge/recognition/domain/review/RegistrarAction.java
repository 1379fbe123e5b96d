package eu.creditbridge.recognition.domain.review;

import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.recognition.domain.RecognitionTarget;
import java.util.Objects;
import java.util.Optional;

/** What a registrar does with a decision awaiting them: one family, so every caller handles every act. */
public sealed interface RegistrarAction permits RegistrarAction.Approve, RegistrarAction.Reject, RegistrarAction.AskQuestion {

    /** Longest reason or question kept: a paragraph, not a document (the trail is read on one screen). */
    int MAXIMUM_TEXT = 2000;

    ActionKind kind();

    /** The registrar's own words: the reason (approval, rejection) or the question. */
    Optional<String> why();

    /**
     * Recognise the credential. Every part is optional: what is not given is taken from the suggested mapping
     * (target, credits) and the decision's suggested conversion (converted grade).
     *
     * @param convertedGrade    the grade as the home scheme writes it, when the registrar converts it themselves
     * @param signatureOverride the registrar acknowledges that the credential's signature is not VALID and approves it
     *                          all the same (with a reason); without it such a decision is never approved
     */
    record Approve(Optional<RecognitionTarget> target, Optional<EctsCredits> credits, Optional<String> convertedGrade,
                   Optional<String> reason, boolean signatureOverride) implements RegistrarAction {

        public static final Approve AS_SUGGESTED = new Approve(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        /** An approval that acknowledges nothing about the signature. */
        public Approve(Optional<RecognitionTarget> target, Optional<EctsCredits> credits, Optional<String> convertedGrade, Optional<String> reason) {
            this(target, credits, convertedGrade, reason, false);
        }

        public Approve {
            target = Objects.requireNonNullElse(target, Optional.empty());
            credits = Objects.requireNonNullElse(credits, Optional.empty());
            convertedGrade = Texts.optional(convertedGrade, "converted grade", 50);
            reason = Texts.optional(reason, "reason", MAXIMUM_TEXT);
            credits.ifPresent(value -> {
                if (value.isZero()) {
                    throw new IllegalArgumentException("approved credits must be more than 0; reject the credential instead");
                }
            });
        }

        /** Approving as suggested, with the registrar's reason (bulk approval). */
        public static Approve asSuggested(Optional<String> reason) {
            return new Approve(Optional.empty(), Optional.empty(), Optional.empty(), reason);
        }

        @Override
        public ActionKind kind() {
            return ActionKind.APPROVED;
        }

        @Override
        public Optional<String> why() {
            return reason;
        }
    }

    /** Refuse recognition; a learner may appeal, so the reason is required. */
    record Reject(String reason) implements RegistrarAction {

        public Reject {
            reason = Texts.required(reason, "reason", MAXIMUM_TEXT);
        }

        @Override
        public ActionKind kind() {
            return ActionKind.REJECTED;
        }

        @Override
        public Optional<String> why() {
            return Optional.of(reason);
        }
    }

    /** Send back with a question (to the learner or the partner); the decision stays in the queue, marked as asked. */
    record AskQuestion(String question) implements RegistrarAction {

        public AskQuestion {
            question = Texts.required(question, "question", MAXIMUM_TEXT);
        }

        @Override
        public ActionKind kind() {
            return ActionKind.ASKED;
        }

        @Override
        public Optional<String> why() {
            return Optional.of(question);
        }
    }

    /** Free text as registrars type it: trimmed, blank means absent, bounded. */
    final class Texts {

        private Texts() {
        }

        static String required(String text, String field, int maximum) {
            return optional(Optional.ofNullable(text), field, maximum)
                    .orElseThrow(() -> new IllegalArgumentException(field + " is required"));
        }

        static Optional<String> optional(Optional<String> text, String field, int maximum) {
            Optional<String> kept = Objects.requireNonNullElse(text, Optional.<String>empty()).map(String::strip).filter(t -> !t.isEmpty());
            kept.ifPresent(t -> {
                if (t.length() > maximum) {
                    throw new IllegalArgumentException(field + " longer than " + maximum + " characters");
                }
            });
            return kept;
        }
    }
}
