package eu.creditbridge.recognition.store;

import eu.creditbridge.recognition.domain.RecognitionDecision;

/** A decision as stored, with the outbox mark: the last revision the broker acknowledged. */
public record StoredDecision(RecognitionDecision decision, int publishedRevision) {

    public boolean pending() {
        return publishedRevision < decision.revision();
    }
}
