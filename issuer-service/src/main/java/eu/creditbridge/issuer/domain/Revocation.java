package eu.creditbridge.issuer.domain;

import java.time.Instant;

/** The issuer's withdrawal of a credential, with the reason a registrar will read. */
public record Revocation(String reason, Instant revokedAt) {

    public static final int MAX_REASON_LENGTH = 1000;

    public Revocation {
        if (reason == null || reason.isBlank()) {
            throw new InvalidValueException("reason", "must say why the credential is revoked");
        }
        reason = reason.strip();
        if (reason.length() > MAX_REASON_LENGTH) {
            throw new InvalidValueException("reason", "must be at most " + MAX_REASON_LENGTH + " characters");
        }
        InvalidValueException.required(revokedAt, "the time of revocation");
    }
}
