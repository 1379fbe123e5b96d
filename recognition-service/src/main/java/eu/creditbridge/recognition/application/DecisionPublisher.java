package eu.creditbridge.recognition.application;

import eu.creditbridge.recognition.domain.RecognitionDecision;

/** Sends one revision of a decision to the decisions topic and returns once the broker has acknowledged it. */
public interface DecisionPublisher {

    /** @throws RuntimeException when the broker did not acknowledge in time; the revision stays unpublished. */
    void publish(RecognitionDecision decision);
}
