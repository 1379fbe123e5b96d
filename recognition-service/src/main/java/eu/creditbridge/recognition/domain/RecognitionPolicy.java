package eu.creditbridge.recognition.domain;

/**
 * The decision step of the pipeline, and its only seam: the pipeline stores, records and publishes whatever
 * the policy concludes. The foundation's {@link CourseEquivalencePolicy} is replaced by the rule engine
 * (issue 4) by providing another bean of this type; nothing around it changes.
 */
public interface RecognitionPolicy {

    /** Decides on one credential. Pure: the same case gives the same decision, so a redelivery may safely decide again. */
    Decision decide(RecognitionCase recognitionCase);
}
