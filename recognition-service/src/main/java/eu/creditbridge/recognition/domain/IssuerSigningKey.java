package eu.creditbridge.recognition.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A public key the registry lists for an issuing institution, and the issue dates it signs for.
 *
 * @param publicKey  the key as a JSON Web Key (RFC 8037, OKP/Ed25519), as the registry publishes it
 * @param validUntil last issue date it signs for; empty while the key is current
 * @param compromisedFrom the first issue date from which the institution's admin reported the private key compromised:
 *                        a credential signed with it and dated on or after it is never recognised automatically
 */
public record IssuerSigningKey(String keyId, String algorithm, String publicKey, LocalDate validFrom, Optional<LocalDate> validUntil,
                               Optional<LocalDate> compromisedFrom) {

    /** A key nobody reported compromised. */
    public IssuerSigningKey(String keyId, String algorithm, String publicKey, LocalDate validFrom, Optional<LocalDate> validUntil) {
        this(keyId, algorithm, publicKey, validFrom, validUntil, Optional.empty());
    }

    public IssuerSigningKey {
        Objects.requireNonNull(keyId, "key id is required");
        Objects.requireNonNull(algorithm, "algorithm is required");
        Objects.requireNonNull(publicKey, "public key is required");
        Objects.requireNonNull(validFrom, "first day of validity is required");
        validUntil = Objects.requireNonNullElse(validUntil, Optional.empty());
        compromisedFrom = Objects.requireNonNullElse(compromisedFrom, Optional.empty());
    }

    /** Whether whoever stole the key could have signed a credential of this date (on or after the compromise). */
    public boolean compromisedFor(LocalDate issueDate) {
        return compromisedFrom.map(from -> !issueDate.isBefore(from)).orElse(false);
    }

    /** Whether a credential issued on this date may carry this key's signature (bounds inclusive). */
    public boolean signsFor(LocalDate issueDate) {
        return !issueDate.isBefore(validFrom) && validUntil.map(until -> !issueDate.isAfter(until)).orElse(true);
    }

    public String describeValidity() {
        return "valid for issue dates " + validFrom + " to " + validUntil.map(LocalDate::toString).orElse("today (current key)");
    }
}
