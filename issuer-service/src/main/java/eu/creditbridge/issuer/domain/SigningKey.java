package eu.creditbridge.issuer.domain;

import java.time.LocalDate;

/**
 * One Ed25519 key pair an institution signs credentials with, and the issue dates it signs for.
 *
 * <p>The private part stays in this service's database; in production it would live in an HSM or a cloud KMS
 * and only a handle would be kept here. Only the public part ever leaves the service.
 *
 * @param publicJwk  the public key as a JSON Web Key (RFC 8037: kty OKP, crv Ed25519, x, kid)
 * @param privateJwk the full key pair as a JWK (with d); never shown, never sent
 * @param validUntil last issue date the key signs for; null while the key is current
 * @param registered whether the registry lists this key in exactly this state (validity included); a credential
 *                   signed with it is published only once it does
 */
public record SigningKey(String keyId, String publicJwk, String privateJwk, LocalDate validFrom, LocalDate validUntil,
                         boolean registered) {

    public static final String ALGORITHM = "EdDSA";

    public SigningKey {
        InvalidValueException.required(keyId, "the key id");
        InvalidValueException.required(publicJwk, "the public key");
        InvalidValueException.required(privateJwk, "the private key");
        InvalidValueException.required(validFrom, "the first day of validity");
        if (validUntil != null && validUntil.isBefore(validFrom)) {
            throw new IllegalArgumentException("key " + keyId + " cannot be valid until " + validUntil + ", before " + validFrom);
        }
    }

    public boolean current() {
        return validUntil == null;
    }

    /** Whether a credential issued on this date may carry this key's signature. */
    public boolean signsFor(LocalDate issueDate) {
        return !issueDate.isBefore(validFrom) && (validUntil == null || !issueDate.isAfter(validUntil));
    }

    /** Closed on rotation: still listed, so credentials issued up to that day keep verifying. */
    public SigningKey closedOn(LocalDate lastDay) {
        LocalDate until = lastDay.isBefore(validFrom) ? validFrom : lastDay;
        return new SigningKey(keyId, publicJwk, privateJwk, validFrom, until, false);
    }

    public SigningKey registeredAtRegistry() {
        return new SigningKey(keyId, publicJwk, privateJwk, validFrom, validUntil, true);
    }

    @Override
    public String toString() {
        // The private key never reaches a log line.
        return "SigningKey[" + keyId + ", " + validFrom + ".." + (validUntil == null ? "" : validUntil)
                + (registered ? ", registered" : ", pending") + "]";
    }
}
