package eu.creditbridge.messaging.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;

/**
 * The schema registry refused a request or could not be reached ({@link SchemaRegistryUnavailable}, worth retrying).
 * {@link #status()} is the HTTP status (0 when the registry did not answer) and {@link #errorCode()} the Confluent error code, e.g. 409 for an incompatible
 * schema, 40401 for an unknown subject, 40403 for an unknown schema id.
 */
public class SchemaRegistryException extends RuntimeException {

    private final int status;
    private final int errorCode;

    public SchemaRegistryException(String message, int status, int errorCode, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    static SchemaRegistryException fromResponse(String method, URI uri, int status, String body, ObjectMapper json) {
        if (SchemaRegistryUnavailable.isTransient(status)) {
            return new SchemaRegistryUnavailable(method + " " + uri + " answered " + status + ": " + body, status, null);
        }
        int errorCode = status;
        String detail = body;
        try {
            JsonNode error = json.readTree(body);
            errorCode = error.path("error_code").asInt(status);
            detail = error.path("message").asText(body);
        } catch (Exception unreadable) {
            // Not JSON (a proxy's error page, say): keep the raw body as the detail.
        }
        return new SchemaRegistryException(
                method + " " + uri + " answered " + status + " (" + errorCode + "): " + detail, status, errorCode, null);
    }

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }

    /** True when the registry answered and said no (so retrying the same request cannot help). */
    public boolean isRefusal() {
        return status / 100 == 4 && !(this instanceof SchemaRegistryUnavailable);
    }
}
