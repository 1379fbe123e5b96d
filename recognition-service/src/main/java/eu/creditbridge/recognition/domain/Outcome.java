package eu.creditbridge.recognition.domain;

/** Result of recognition, after ELMO's ResultOfRecognition plus the states a pipeline needs. */
public enum Outcome {
    RECOGNISED,
    PARTIALLY_RECOGNISED,
    NEEDS_REVIEW,
    REJECTED,
    /** An earlier decision reversed because the credential was revoked. */
    WITHDRAWN;

    public boolean countsCredits() {
        return this == RECOGNISED || this == PARTIALLY_RECOGNISED;
    }
}
