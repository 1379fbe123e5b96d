package eu.creditbridge.recognition.domain.review;

/** What a registrar (or, for REOPENED, the service) did, as the audit trail names it. */
public enum ActionKind {
    APPROVED,
    REJECTED,
    ASKED,
    /** Sent back to a registrar by the service itself: the key the credential was signed with was reported compromised. */
    REOPENED
}
