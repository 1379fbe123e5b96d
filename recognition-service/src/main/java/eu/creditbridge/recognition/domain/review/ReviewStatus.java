package eu.creditbridge.recognition.domain.review;

import eu.creditbridge.recognition.domain.Outcome;

/** Where a decision stands for registrars: waiting for them, sent back with a question, or settled. */
public enum ReviewStatus {
    AWAITING_REGISTRAR,
    /** Still awaiting a registrar, with a question out to the learner or the partner. */
    ASKED,
    /** Recognised, rejected or withdrawn: nothing for a registrar to do. */
    DECIDED;

    public static ReviewStatus of(Outcome outcome, boolean questionOpen) {
        if (outcome != Outcome.NEEDS_REVIEW) {
            return DECIDED;
        }
        return questionOpen ? ASKED : AWAITING_REGISTRAR;
    }

    public boolean awaitsRegistrar() {
        return this != DECIDED;
    }
}
