package eu.creditbridge.recognition.application;

import eu.creditbridge.recognition.domain.RecognitionDecision;

/**
 * A decision as stored, with the outbox mark: the last revision the broker acknowledged.
 *
 * @param traceParent the W3C trace context of the work that stored the current revision, so the outbox relay's
 *                    publish continues that trace; null when it was not traced
 */
public record StoredDecision(RecognitionDecision decision, int publishedRevision, String traceParent) {

    public StoredDecision(RecognitionDecision decision, int publishedRevision) {
        this(decision, publishedRevision, null);
    }

    public boolean pending() {
        return publishedRevision < decision.revision();
    }
}
