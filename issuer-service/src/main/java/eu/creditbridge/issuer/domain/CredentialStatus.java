package eu.creditbridge.issuer.domain;

/** Where a credential stands: valid as issued, or withdrawn by its issuer. */
public enum CredentialStatus {
    ISSUED, REVOKED
}
