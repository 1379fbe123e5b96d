package eu.creditbridge.recognition.web;

import eu.creditbridge.recognition.application.review.DecisionSummary;
import eu.creditbridge.recognition.domain.RecognitionTarget;
import eu.creditbridge.recognition.domain.review.OpenQuestion;
import eu.creditbridge.recognition.domain.review.SuggestedMapping;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A decision as a queue row, history line or search hit. {@code signatureFlagged}: the signature is not VALID
 * ({@code signatureStatus} says how), so approving it takes an explicit override and bulk approval leaves it out.
 */
record DecisionSummaryResponse(String decisionId, String credentialId, int revision, String credentialTitle, String sourceCourseCode,
                               String learnerId, String partner, String partnerName, String outcome, String status,
                               BigDecimal originalCredits, BigDecimal recognisedCredits, Target target, GradeResponse originalGrade,
                               GradeResponse convertedGrade, String conversionMethod, String decidedBy, String registrar,
                               Instant decidedAt, String decisiveReason, Question openQuestion, String fieldOfStudy, Suggestion suggestion,
                               String signatureStatus, boolean signatureFlagged) {

    record Target(String kind, String code, String title) {

        static Target of(RecognitionTarget target) {
            return new Target(target.kind().name(), target.code(), target.title().orElse(null));
        }
    }

    record Question(String question, String askedBy, Instant askedAt) {

        static Question of(OpenQuestion question) {
            return new Question(question.question(), question.askedBy().username(), question.askedAt());
        }
    }

    /** What approving without changes records. */
    record Suggestion(Target target, BigDecimal credits, String basis) {

        static Suggestion of(SuggestedMapping mapping) {
            return new Suggestion(Target.of(mapping.target()), mapping.credits().value(), mapping.basis());
        }
    }

    static DecisionSummaryResponse of(DecisionSummary summary) {
        return new DecisionSummaryResponse(summary.id().value(), summary.credentialId().toString(), summary.revision(), summary.credentialTitle(),
                summary.sourceCourseCode().orElse(null), summary.learner().value(), summary.partner().value(), summary.partnerName().orElse(null),
                summary.outcome().name(), summary.status().name(), summary.originalCredits().value(), summary.recognisedCredits().value(),
                summary.target().map(Target::of).orElse(null), summary.grade().original().map(GradeResponse::of).orElse(null),
                summary.grade().converted().map(GradeResponse::of).orElse(null), summary.grade().method().name(), summary.decidedBy().name(),
                summary.registrar().orElse(null), summary.decidedAt(), summary.decisiveReason().orElse(null),
                summary.openQuestion().map(Question::of).orElse(null), summary.fieldOfStudy().orElse(null),
                summary.suggestion().map(Suggestion::of).orElse(null), summary.signature().status().name(), summary.signatureFlagged());
    }
}
