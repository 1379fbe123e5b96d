package eu.creditbridge.recognition.domain;

import java.util.Objects;
import java.util.UUID;

/** A decision is unique per (credential, receiving institution); this is that pair, also its stored id. */
public record DecisionId(UUID credentialId, SchacCode receivingInstitution) {

    public DecisionId {
        Objects.requireNonNull(credentialId, "credential id is required");
        Objects.requireNonNull(receivingInstitution, "receiving institution is required");
    }

    public String value() {
        return credentialId + "@" + receivingInstitution.value();
    }

    @Override
    public String toString() {
        return value();
    }
}
