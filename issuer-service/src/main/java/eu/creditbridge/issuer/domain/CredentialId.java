package eu.creditbridge.issuer.domain;

import java.util.UUID;

/** Globally unique id of a credential; the same id travels in every event about it. */
public record CredentialId(UUID value) {

    public CredentialId {
        InvalidValueException.required(value, "the credential id");
    }

    public static CredentialId random() {
        return new CredentialId(UUID.randomUUID());
    }

    public static CredentialId of(String text) {
        try {
            return new CredentialId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidValueException("must be a UUID such as '3f1c2a9e-8d4b-4f6a-9c1e-2b7d5e8f0a13'");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
