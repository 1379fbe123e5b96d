package eu.creditbridge.recognition.domain.agreement;

/** Where a learning agreement stands; only an approved one is a basis for automatic recognition. */
public enum AgreementStatus {
    APPROVED,
    /** Withdrawn by the home institution (e.g. the mobility was cancelled): kept, but recognises nothing. */
    CANCELLED
}
