package eu.creditbridge.recognition.application;

import eu.creditbridge.messaging.outbox.BatchPublisher;
import eu.creditbridge.messaging.outbox.Confirmation;
import java.util.List;

import eu.creditbridge.recognition.domain.RecognitionDecision;

/** Sends one revision of a decision to the decisions topic and returns once the broker has acknowledged it. */
public interface DecisionPublisher {

    /** @throws RuntimeException when the broker did not acknowledge in time; the revision stays unpublished. */
    void publish(RecognitionDecision decision);

    /**
     * Sends a poll's revisions together, each in the trace it was stored in, and says which the broker acknowledged.
     * Never throws: what is not confirmed stays pending for the relay. This default sends one at a time.
     */
    default Confirmation publishAll(List<StoredDecision> revisions) {
        return BatchPublisher.<StoredDecision>oneByOne(stored -> publish(stored.decision())).publish(revisions);
    }
}
