package eu.creditbridge.recognition.domain.review;

/** What a registrar did, as the audit trail names it. */
public enum ActionKind {
    APPROVED,
    REJECTED,
    ASKED
}
