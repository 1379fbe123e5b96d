package eu.creditbridge.messaging.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.creditbridge.contract.PublishedSchema;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Client for the Confluent Schema Registry REST API, as served by Confluent's registry and by Apicurio
 * Registry under {@code /apis/ccompat/v7}.
 *
 * <p>Schemas are immutable once registered, so ids and schemas are cached for the life of the client:
 * after warm-up, serialising and deserialising make no HTTP calls. One client is shared per registry URL
 * ({@link #forUrl}), so every serializer and deserializer of a process shares one cache.
 *
 * <p>Every schema this client sends (to register, look up or check) goes in its published form
 * ({@link PublishedSchema}): the generated classes' schemas carry Java-only {@code avro.java.string} properties, and a
 * registry may match a lookup by content byte for byte, so Java code and a partner's stock client holding the file
 * from {@code schemas/resolved/} must send one and the same text to find one and the same id.
 */
public final class SchemaRegistryClient {

    private static final Map<String, SchemaRegistryClient> CLIENTS = new ConcurrentHashMap<>();
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private final URI baseUrl;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();

    private record SubjectSchema(String subject, Schema schema) {}

    public SchemaRegistryClient(String baseUrl) {
        Objects.requireNonNull(baseUrl, "schema registry URL");
        this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The client shared by everything in this process that talks to the registry at {@code baseUrl}. */
    public static SchemaRegistryClient forUrl(String baseUrl) {
        return CLIENTS.computeIfAbsent(baseUrl, SchemaRegistryClient::new);
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** Registers {@code schema} under {@code subject} (a no-op returning the id if it is there already). */
    public int register(String subject, Schema schema) {
        var key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        Schema published = PublishedSchema.of(schema);
        JsonNode answer = send("POST", "subjects/" + encode(subject) + "/versions", schemaBody(published));
        int id = answer.path("id").asInt();
        remember(key, id, published);
        return id;
    }

    /**
     * The id of {@code schema} as registered under {@code subject}.
     *
     * @throws SchemaRegistryException with status 404 if the subject does not hold that schema
     */
    public int idOf(String subject, Schema schema) {
        var key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        Schema published = PublishedSchema.of(schema);
        JsonNode answer = send("POST", "subjects/" + encode(subject), schemaBody(published));
        int id = answer.path("id").asInt();
        remember(key, id, published);
        return id;
    }

    /** The schema with this global id; what a deserializer needs to read bytes written with it. */
    public Schema schemaById(int id) {
        return schemasById.computeIfAbsent(id, missing -> {
            JsonNode answer = send("GET", "schemas/ids/" + missing, null);
            return new Schema.Parser().parse(answer.path("schema").asText());
        });
    }

    /** Sets the compatibility level of one subject, or the registry's default when {@code subject} is null. */
    public void setCompatibility(String subject, CompatibilityLevel level) {
        ObjectNode body = json.createObjectNode().put("compatibility", level.name());
        send("PUT", subject == null ? "config" : "config/" + encode(subject), body);
    }

    /** The compatibility level in force for a subject (falling back to the registry default). */
    public CompatibilityLevel compatibility(String subject) {
        JsonNode answer = send("GET", "config/" + encode(subject) + "?defaultToGlobal=true", null);
        String level = answer.has("compatibilityLevel")
                ? answer.path("compatibilityLevel").asText()
                : answer.path("compatibility").asText();
        return CompatibilityLevel.valueOf(level);
    }

    /** Whether {@code schema} could be registered as the next version of {@code subject}. */
    public boolean isCompatible(String subject, Schema schema) {
        JsonNode answer = send("POST",
                "compatibility/subjects/" + encode(subject) + "/versions/latest", schemaBody(PublishedSchema.of(schema)));
        return answer.path("is_compatible").asBoolean(false);
    }

    private void remember(SubjectSchema key, int id, Schema registered) {
        idsBySubjectSchema.put(key, id);
        schemasById.putIfAbsent(id, registered);
    }

    private ObjectNode schemaBody(Schema schema) {
        return json.createObjectNode().put("schema", schema.toString()).put("schemaType", "AVRO");
    }

    private JsonNode send(String method, String path, JsonNode body) {
        URI uri = baseUrl.resolve(path);
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString());
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Accept", CONTENT_TYPE + ", application/json")
                .header("Content-Type", CONTENT_TYPE)
                .method(method, publisher)
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw SchemaRegistryException.fromResponse(method, uri, response.statusCode(), response.body(), json);
            }
            return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
        } catch (IOException e) {
            throw new SchemaRegistryUnavailable(method + " " + uri + " failed: " + e, 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryUnavailable(method + " " + uri + " interrupted", 0, e);
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8);
    }
}
