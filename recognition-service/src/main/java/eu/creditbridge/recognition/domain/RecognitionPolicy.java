package eu.creditbridge.recognition.domain;

/**
 * The decision step of the pipeline, and its only seam: the pipeline stores, records and publishes whatever
 * the policy concludes. The rule engine's {@code RulesetPolicy} is the policy in force.
 */
public interface RecognitionPolicy {

    /** Decides on one credential. Pure: the same case gives the same decision, so a redelivery may safely decide again. */
    Decision decide(RecognitionCase recognitionCase);
}
