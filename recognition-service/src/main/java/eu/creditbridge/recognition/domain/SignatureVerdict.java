package eu.creditbridge.recognition.domain;

import java.util.Objects;

/**
 * What verifying a credential's signature concluded, with the reason a registrar reads. Only {@link Status#VALID}
 * lets a credential be recognised automatically: transport is not trust, so anything else goes to a registrar.
 */
public record SignatureVerdict(Status status, String reason) {

    public enum Status {
        /** Signed with a key the registry lists for the issuer, valid at the issue date, and the signature fits. */
        VALID,
        /** No signature at all. */
        UNSIGNED,
        /** Not a detached EdDSA JWS with a key id, or the signed content could not be formed. */
        MALFORMED,
        /** The key id is not one the registry lists for the issuer (yet: a new key may still be on its way). */
        UNKNOWN_KEY,
        /** The listed key was not valid on the credential's issue date (expired, or not yet valid). */
        KEY_NOT_VALID_AT_ISSUE_DATE,
        /**
         * The signature fits, but the issuer reported the key compromised from a date on or before the issue date:
         * anyone holding the stolen key could have signed it.
         */
        KEY_COMPROMISED,
        /** The signature does not fit the credential: forged, or the credential was changed after signing. */
        INVALID_SIGNATURE,
        /** Nobody verified the signature for this case; safe default for callers that did not ask. */
        NOT_VERIFIED
    }

    public SignatureVerdict {
        Objects.requireNonNull(status, "status is required");
        Objects.requireNonNull(reason, "reason is required");
    }

    public static SignatureVerdict of(Status status, String reason) {
        return new SignatureVerdict(status, reason);
    }

    public static SignatureVerdict notVerified() {
        return new SignatureVerdict(Status.NOT_VERIFIED, "The signature was not verified for this decision.");
    }

    /** Whether the credential may be recognised automatically as far as its signature is concerned. */
    public boolean trusted() {
        return status == Status.VALID;
    }
}
