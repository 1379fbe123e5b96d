package eu.creditbridge.messaging;

/**
 * A record that can never be processed as it is, however often it is retried: it goes straight to the
 * dead-letter topic with this exception's message as the reason, and the consumer moves on. Anything else a
 * listener throws is taken as transient and retried with backoff first.
 */
public class PermanentFailure extends RuntimeException {

    public PermanentFailure(String reason) {
        super(reason);
    }

    public PermanentFailure(String reason, Throwable cause) {
        super(reason, cause);
    }
}
