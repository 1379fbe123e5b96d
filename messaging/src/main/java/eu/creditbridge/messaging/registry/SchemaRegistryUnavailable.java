package eu.creditbridge.messaging.registry;

/**
 * The schema registry could not answer: not reachable, timed out, or failing itself (5xx, 408, 429). Unlike a
 * refusal (an unknown schema id, an incompatible schema), the same request may succeed later, so a consumer retries
 * the record rather than dead-lettering it.
 */
public class SchemaRegistryUnavailable extends SchemaRegistryException {

    public SchemaRegistryUnavailable(String message, int status, Throwable cause) {
        super(message, status, status, cause);
    }

    /** Statuses that say "not now" rather than "no": server errors, request timeout, too many requests. */
    static boolean isTransient(int status) {
        return status / 100 == 5 || status == 408 || status == 429;
    }
}
