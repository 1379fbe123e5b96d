package eu.creditbridge.registry.domain;

import java.time.LocalDate;

/**
 * A public key an institution signs credentials with, and the issue dates it signs for. Old keys
 * stay listed after rotation so credentials issued under them still verify.
 *
 * @param publicKey the key as a JSON Web Key (RFC 8037, OKP/Ed25519)
 * @param validUntil last issue date the key signs for; null while the key is current
 */
public record SigningKey(String keyId, String algorithm, String publicKey, LocalDate validFrom, LocalDate validUntil) {

    public SigningKey {
        Violations violations = new Violations();
        keyId = violations.required("keyId", keyId, 200);
        algorithm = violations.required("algorithm", algorithm, 20);
        publicKey = violations.required("publicKey", publicKey, 4000);
        if (validFrom == null) {
            violations.add("validFrom", "must be given");
        } else if (validUntil != null && validUntil.isBefore(validFrom)) {
            violations.add("validUntil", "must not be before validFrom " + validFrom);
        }
        violations.throwIfAny();
    }

    /** Whether a credential issued on this date may carry this key's signature. */
    public boolean signsFor(LocalDate issueDate) {
        return !issueDate.isBefore(validFrom) && (validUntil == null || !issueDate.isAfter(validUntil));
    }
}
