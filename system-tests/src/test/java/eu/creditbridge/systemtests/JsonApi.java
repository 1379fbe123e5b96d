package eu.creditbridge.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The services' REST APIs as a partner or a registrar's tool would call them: JSON over HTTP. */
final class JsonApi {

    /** A response: status, and the body as JSON (an empty object when there is none). */
    record Response(int status, JsonNode body) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String authorization;

    JsonApi(String baseUrl) {
        this(baseUrl, null);
    }

    private JsonApi(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    /** The same API called with HTTP Basic as one of the stack's machine accounts (secrets in its state folder). */
    JsonApi asMachine(String username) {
        return new JsonApi(baseUrl, EmbeddedStack.get().machineAccounts().basic(username));
    }

    /** The same API called anonymously. */
    JsonApi anonymous() {
        return new JsonApi(baseUrl, null);
    }

    /** The same API called with HTTP Basic as the given account (the demo accounts' password is "demo"). */
    JsonApi as(String username, String password) {
        String token = java.util.Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new JsonApi(baseUrl, "Basic " + token);
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    Response post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A body of any media type, e.g. Confluent-framed Avro as {@code application/avro}. */
    Response post(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A document of another type (ELMO as application/xml, Europass as application/ld+json); the answer is JSON. */
    Response post(String path, String document, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(document)));
    }

    Response put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** An XML document (an EWP learning agreement, an ELMO transcript) sent as it is; the answer is JSON. */
    Response putXml(String path, byte[] xml) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/xml")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(xml)));
    }

    /** A representation asked for as XML ({@code Accept: application/xml}): status and the raw bytes. */
    HttpResponse<byte[]> getXml(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/xml")
                .timeout(Duration.ofSeconds(20)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE());
    }

    private Response send(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(
                    request.header("Accept", "application/json, application/problem+json")
                            .timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static ObjectMapper json() {
        return JSON;
    }
}
