package eu.creditbridge.registry.application.operations;

/** Kafka did not answer (down, unreachable, or too slow): the operator should try again, nothing was changed. */
public class BrokerUnavailable extends RuntimeException {

    public BrokerUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
