package eu.creditbridge.issuer.domain;

import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a receiving institution decided about a credential of an institution the registry lists (issued here, or
 * published by the institution's own issuer straight onto Kafka), in its latest known revision. Kept as the receiver
 * reported it; the issuer only shows it, and only to the issuing institution.
 *
 * <p>{@code issuingInstitution} is null only on decisions stored before it was kept (then the credential was issued
 * here, and its stored issuer is the one to go by). {@code signatureVerdict} is the contract's symbol (VALID, UNSIGNED,
 * UNKNOWN_KEY, ...): what a partner publishing on its own needs first when a credential was not recognised.
 */
public record RecognitionDecision(
        String decisionId,
        int revision,
        CredentialId credentialId,
        SchacCode issuingInstitution,
        EuropeanStudentIdentifier learnerId,
        SchacCode receivingInstitution,
        Outcome outcome,
        BigDecimal originalCredits,
        BigDecimal recognisedCredits,
        Target target,
        Grade originalGrade,
        Grade convertedGrade,
        String conversionMethod,
        List<Reason> reasons,
        String signatureVerdict,
        Integer rulesetVersion,
        String decidedBy,
        String registrar,
        Instant decidedAt) {

    public enum Outcome {
        RECOGNISED, PARTIALLY_RECOGNISED, NEEDS_REVIEW, REJECTED, WITHDRAWN
    }

    /** A local course, or a category of elective credits. */
    public record Target(String kind, String code, String title) {
    }

    /** One step of the receiver's trace: what was checked, whether it decided, and why. */
    public record Reason(String step, boolean decisive, String explanation) {
    }

    public RecognitionDecision {
        if (decisionId == null || decisionId.isBlank()) {
            throw new InvalidValueException("decisionId", "is required");
        }
        if (revision < 1) {
            throw new InvalidValueException("revision", "starts at 1");
        }
        InvalidValueException.required(credentialId, "the credential id");
        InvalidValueException.required(receivingInstitution, "the receiving institution");
        InvalidValueException.required(outcome, "the outcome");
        InvalidValueException.required(decidedAt, "the time of the decision");
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** Whether this revision should replace one already known: only a newer revision does. */
    public boolean supersedes(RecognitionDecision known) {
        return revision > known.revision;
    }
}
