package eu.creditbridge.registry.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A public key an institution signs credentials with, and the issue dates it signs for. Old keys
 * stay listed after rotation so credentials issued under them still verify.
 *
 * <p>The trust list only ever narrows what a listed key vouches for: its material, algorithm and first day are its
 * identity and never change (a new key needs a new key id), its last day can be set or brought forward but never
 * lifted, and a compromise can be moved earlier but never lifted or moved later. A key is closed, never removed.
 *
 * @param publicKey       the key as a JSON Web Key (RFC 8037, OKP/Ed25519)
 * @param validUntil      last issue date the key signs for; null while the key is current
 * @param compromisedFrom first issue date from which credentials signed with this key are not to be trusted
 *                        automatically (the institution reported its private key compromised); null while trusted
 */
public record SigningKey(String keyId, String algorithm, String publicKey, LocalDate validFrom, LocalDate validUntil,
        LocalDate compromisedFrom) {

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

    /** A key as an issuer sends it: never compromised by its own registration. */
    public SigningKey(String keyId, String algorithm, String publicKey, LocalDate validFrom, LocalDate validUntil) {
        this(keyId, algorithm, publicKey, validFrom, validUntil, null);
    }

    /** Whether a credential issued on this date may carry this key's signature. */
    public boolean signsFor(LocalDate issueDate) {
        return !issueDate.isBefore(validFrom) && (validUntil == null || !issueDate.isAfter(validUntil));
    }

    /** Whether the key was reported compromised for credentials issued on this date. */
    public boolean isCompromisedOn(LocalDate issueDate) {
        return compromisedFrom != null && !issueDate.isBefore(compromisedFrom);
    }

    /**
     * This key as it stands after the same key id was sent again ({@code resent}): the same material again is an
     * idempotent no-op, a last day may be set or brought forward (closing the key); anything else would let the
     * registry vouch for something it did not vouch for before and is refused, changing nothing. A compromise
     * recorded here is kept whatever was sent.
     *
     * @throws ConflictingRegistryChange when {@code resent} swaps the material or algorithm, moves the first day, or
     *                                   reopens or extends a closed key
     */
    public SigningKey resentAs(SigningKey resent) {
        if (!resent.keyId.equals(keyId)) {
            throw new IllegalArgumentException("key " + resent.keyId + " is not key " + keyId);
        }
        if (!resent.publicKey.equals(publicKey) || !resent.algorithm.equals(algorithm)) {
            throw new ConflictingRegistryChange("key id '" + keyId + "' is already listed with other key material; "
                    + "a key's material is never replaced, so a new key needs a new key id");
        }
        if (!resent.validFrom.equals(validFrom)) {
            throw new ConflictingRegistryChange("key '" + keyId + "' is valid from " + validFrom
                    + "; a key's first day is fixed (send validFrom " + validFrom + ", or register a new key id)");
        }
        if (validUntil != null && (resent.validUntil == null || resent.validUntil.isAfter(validUntil))) {
            throw new ConflictingRegistryChange("key '" + keyId + "' was closed with validUntil " + validUntil
                    + "; a closed key is never reopened or extended (register a new key id)");
        }
        return new SigningKey(keyId, algorithm, publicKey, validFrom, resent.validUntil, compromisedFrom);
    }

    /**
     * This key reported compromised from {@code from}. An earlier day replaces a later one (more credentials fall
     * under suspicion); the same day again changes nothing; a later day would lift the suspicion from credentials
     * already under it, and is refused.
     *
     * @throws ConflictingRegistryChange when the key is already compromised from an earlier day
     */
    public SigningKey compromisedAsOf(LocalDate from) {
        Objects.requireNonNull(from, "from");
        if (compromisedFrom != null && from.isAfter(compromisedFrom)) {
            throw new ConflictingRegistryChange("key '" + keyId + "' is compromised from " + compromisedFrom
                    + "; a compromise is never lifted or moved later, only earlier");
        }
        return new SigningKey(keyId, algorithm, publicKey, validFrom, validUntil, from);
    }
}
