package eu.creditbridge.issuer.web;

import eu.creditbridge.issuer.domain.Credential;
import eu.creditbridge.issuer.domain.InvalidValueException;
import eu.creditbridge.kernel.InvalidValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the body of {@code POST /api/credentials/batch}: a JSON array of credentials, or NDJSON (one credential per
 * line). Each credential is read as the single POST reads its body ({@link JsonBodyReader}, {@link CredentialBodyMapping}),
 * so one that cannot be read is named with its own problems while the others go on; only a body that is not a batch at
 * all, or one over {@code maxCredentials}, refuses the whole request.
 */
public class CredentialBatchReader {

    /** One credential of the batch as read. */
    public sealed interface Item {
    }

    public record Read(Credential credential) implements Item {
    }

    /** @param credentialId the id the item names, when it names one readably, to help the client match the answer */
    public record Unreadable(Optional<String> credentialId, RuntimeException reason) implements Item {
    }

    private final JsonBodyReader bodies;
    private final JsonMapper json;
    private final int maxCredentials;
    private final long maxCredentialBytes;

    /** @param maxCredentialBytes largest single credential, as for the single POST */
    public CredentialBatchReader(JsonBodyReader bodies, JsonMapper json, int maxCredentials, long maxCredentialBytes) {
        this.bodies = bodies;
        this.json = json;
        this.maxCredentials = maxCredentials;
        this.maxCredentialBytes = maxCredentialBytes;
    }

    public int maxCredentials() {
        return maxCredentials;
    }

    /** @throws InvalidRequest when the body is not a JSON array, or holds too many credentials */
    public List<Item> fromJsonArray(byte[] body) {
        JsonNode array;
        try {
            array = body == null || body.length == 0 ? null : json.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidRequest(List.of(FieldProblem.at("", "is not well-formed JSON: " + e.getOriginalMessage())));
        }
        if (array == null || !array.isArray()) {
            throw new InvalidRequest(List.of(FieldProblem.at("", "a JSON array of credentials is expected")));
        }
        checkCount(array.size());
        List<Item> items = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            Optional<String> id = Optional.ofNullable(element.get("credentialId")).filter(JsonNode::isString).map(JsonNode::asString);
            items.add(item(json.writeValueAsBytes(element), id));
        }
        return items;
    }

    /** Blank lines are skipped; each other line is one credential. @throws InvalidRequest for too many credentials */
    public List<Item> fromNdjson(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidRequest(List.of(FieldProblem.at("", "the request body is empty; one JSON credential per line is expected")));
        }
        List<String> lines = Arrays.stream(new String(body, StandardCharsets.UTF_8).split("\n"))
                .map(String::strip).filter(line -> !line.isEmpty()).toList();
        checkCount(lines.size());
        return lines.stream().map(line -> item(line.getBytes(StandardCharsets.UTF_8), Optional.empty())).toList();
    }

    private void checkCount(int count) {
        if (count == 0) {
            throw new InvalidRequest(List.of(FieldProblem.at("", "holds no credential")));
        }
        if (count > maxCredentials) {
            throw new InvalidRequest(List.of(FieldProblem.at("", "holds " + count + " credentials; at most " + maxCredentials
                    + " are taken per request")));
        }
    }

    private Item item(byte[] credential, Optional<String> credentialId) {
        if (credential.length > maxCredentialBytes) {
            return new Unreadable(credentialId, new InvalidRequest(List.of(FieldProblem.at("", "is " + credential.length
                    + " bytes; a credential may take at most " + maxCredentialBytes))));
        }
        try {
            return new Read(CredentialBodyMapping.toCredential(bodies.read(credential, CredentialBody.class)));
        } catch (InvalidRequest | InvalidValueException | InvalidValue refused) {
            return new Unreadable(credentialId, refused);
        }
    }
}
