package eu.creditbridge.issuer.application;

import eu.creditbridge.issuer.domain.CredentialId;

/** A client reused a credential id for a different credential: never a retry, so never accepted. */
public class CredentialIdConflict extends RuntimeException {

    public CredentialIdConflict(CredentialId id) {
        super("credential " + id + " was already issued with different content; a retry must send the same credential,"
                + " a new credential needs a new id");
    }
}
