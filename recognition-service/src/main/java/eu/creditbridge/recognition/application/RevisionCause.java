package eu.creditbridge.recognition.application;

/** Why a stored decision got a new revision; the {@code cause} tag of the revisions metric. */
public enum RevisionCause {
    /** The issuer revoked the credential and the decision was withdrawn ({@link ReversingRecognition}). */
    REVOCATION("revocation"),
    /** A new ruleset version decided a decision awaiting a registrar again ({@link ReevaluatingPendingDecisions}). */
    REEVALUATION("re-evaluation"),
    /** The issuer reported the signing key compromised and the decision went back to a registrar. */
    KEY_COMPROMISED("key-compromised"),
    /** A registrar approved, rejected or asked about the decision. */
    REGISTRAR("registrar");

    private final String tag;

    RevisionCause(String tag) {
        this.tag = tag;
    }

    /** The value as it appears in metrics: lower case, as operators type it in a query. */
    public String tag() {
        return tag;
    }
}
