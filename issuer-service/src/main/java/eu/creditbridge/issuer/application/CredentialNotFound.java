package eu.creditbridge.issuer.application;

import eu.creditbridge.issuer.domain.CredentialId;

/** No credential with this id was issued here. */
public class CredentialNotFound extends RuntimeException {

    private final CredentialId id;

    public CredentialNotFound(CredentialId id) {
        this(id, "no credential " + id + " was issued here");
    }

    CredentialNotFound(CredentialId id, String message) {
        super(message);
        this.id = id;
    }

    public CredentialId id() {
        return id;
    }
}
