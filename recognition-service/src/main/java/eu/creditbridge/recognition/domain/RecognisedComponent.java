package eu.creditbridge.recognition.domain;

import eu.creditbridge.kernel.DecisionId;
import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.kernel.SchacCode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** One credential counted in a learner's record: what it counts as, for how many credits, and based on which decision. */
public record RecognisedComponent(
        UUID credentialId,
        String title,
        SchacCode issuingInstitution,
        EctsCredits credits,
        RecognitionTarget target,
        GradeConversion grade,
        DecisionId decisionId,
        ComponentStatus status,
        Instant recognisedAt,
        Optional<Instant> withdrawnAt,
        Optional<String> withdrawalReason) {

    public RecognisedComponent {
        Objects.requireNonNull(credentialId, "credential id is required");
        Objects.requireNonNull(title, "title is required");
        Objects.requireNonNull(issuingInstitution, "issuing institution is required");
        Objects.requireNonNull(credits, "credits are required");
        Objects.requireNonNull(target, "target is required");
        Objects.requireNonNull(grade, "grade is required");
        Objects.requireNonNull(decisionId, "decision reference is required");
        Objects.requireNonNull(status, "status is required");
        Objects.requireNonNull(recognisedAt, "recognition time is required");
        withdrawnAt = Objects.requireNonNullElse(withdrawnAt, Optional.empty());
        withdrawalReason = Objects.requireNonNullElse(withdrawalReason, Optional.empty());
    }

    /** The component a decision adds to the learner's record; empty unless the decision counts credits. */
    public static Optional<RecognisedComponent> of(RecognitionDecision decision) {
        Decision concluded = decision.decision();
        if (!concluded.outcome().countsCredits()) {
            return Optional.empty();
        }
        return Optional.of(new RecognisedComponent(decision.id().credentialId(), decision.credentialTitle(), decision.issuingInstitution(),
                concluded.recognisedCredits(), concluded.target().orElseThrow(), concluded.grade(), decision.id(),
                ComponentStatus.RECOGNISED, decision.decidedAt(), Optional.empty(), Optional.empty()));
    }

    public boolean counts() {
        return status == ComponentStatus.RECOGNISED;
    }

    public RecognisedComponent withdrawn(Instant at, String reason) {
        return new RecognisedComponent(credentialId, title, issuingInstitution, credits, target, grade, decisionId,
                ComponentStatus.WITHDRAWN, recognisedAt, Optional.of(at), Optional.of(reason));
    }
}
