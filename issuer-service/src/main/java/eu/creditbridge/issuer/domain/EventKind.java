package eu.creditbridge.issuer.domain;

/** The kinds of {@link IssuerEvent}, as an outbox entry names them before the event is built. */
public enum EventKind {
    CREDENTIAL_ISSUED, CREDENTIAL_REVOKED
}
