package eu.creditbridge.issuer.application;

/** The event was not acknowledged; the outbox keeps it and the relay tries again. */
public class EventPublishingFailed extends RuntimeException {

    public EventPublishingFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
