package eu.creditbridge.issuer.application;

import eu.creditbridge.issuer.domain.CredentialId;

/** No credential with this id was issued here. */
public class CredentialNotFound extends RuntimeException {

    private final CredentialId id;

    public CredentialNotFound(CredentialId id) {
        super("no credential " + id + " was issued here");
        this.id = id;
    }

    public CredentialId id() {
        return id;
    }
}
