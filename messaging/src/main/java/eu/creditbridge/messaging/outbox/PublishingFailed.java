package eu.creditbridge.messaging.outbox;

/** The broker did not acknowledge a record in time; its outbox entry stays pending and the relay sends it again. */
public class PublishingFailed extends RuntimeException {

    public PublishingFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
