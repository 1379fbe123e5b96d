package eu.creditbridge.recognition.domain;

import eu.creditbridge.kernel.DecisionId;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The issuer withdrew a credential; recognition based on it is reversed at the learner's home institution. */
public record Revocation(
        UUID credentialId,
        SchacCode issuingInstitution,
        EuropeanStudentIdentifier learner,
        SchacCode homeInstitution,
        Instant revokedAt,
        String reason) {

    public Revocation {
        Objects.requireNonNull(credentialId, "credential id is required");
        Objects.requireNonNull(issuingInstitution, "issuing institution is required");
        Objects.requireNonNull(learner, "learner is required");
        Objects.requireNonNull(homeInstitution, "home institution is required");
        Objects.requireNonNull(revokedAt, "revocation time is required");
        reason = Objects.requireNonNullElse(reason, "").isBlank() ? "no reason given" : reason;
    }

    public DecisionId decisionId() {
        return new DecisionId(credentialId, homeInstitution);
    }
}
