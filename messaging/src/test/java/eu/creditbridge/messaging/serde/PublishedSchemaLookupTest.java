package eu.creditbridge.messaging.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.contract.CredentialEvent;
import eu.creditbridge.contract.CredentialRevoked;
import eu.creditbridge.messaging.registry.SchemaRegistryClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Java producer asks the registry for its id with the very text partners load from {@code schemas/resolved/}
 * (carried in the schemas jar under {@code resolved/}), never with the Java-flavoured schema of the generated class.
 * The registry here is a stand-in that records what it is sent and answers like a Confluent-compatible one; the real
 * Apicurio is in system-tests' {@code ContractByContentTest}.
 */
class PublishedSchemaLookupTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Request(String method, String path, String schema) {}

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private HttpServer registry;

    @BeforeEach
    void startStandInRegistry() throws IOException {
        registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        registry.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    body.isBlank() ? null : JSON.readTree(body).path("schema").asText(null)));
            byte[] answer = "{\"id\":7,\"version\":1}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        registry.start();
    }

    @AfterEach
    void stopStandInRegistry() {
        registry.stop(0);
    }

    @Test
    void producerLooksItsIdUpWithThePublishedSchemaText() throws IOException {
        var serializer = new ConfluentAvroSerializer(new SchemaRegistryClient(registryUrl()));
        serializer.configure(Map.of("schema.registry.url", registryUrl()), false);

        byte[] framed = serializer.serialize(ContractTopic.CREDENTIALS.topic(), revocation());

        assertThat(ConfluentWireFormat.schemaId(framed)).isEqualTo(7);
        assertThat(requests).singleElement().satisfies(lookup -> {
            assertThat(lookup.method()).isEqualTo("POST");
            assertThat(lookup.path()).endsWith("/subjects/creditbridge.credentials-value");
            assertThat(lookup.schema()).isEqualTo(publishedFile(ContractTopic.CREDENTIALS)).doesNotContain("avro.java.string");
        });
    }

    @Test
    void producerThatRegistersOnFirstUseRegistersThePublishedSchemaText() throws IOException {
        var serializer = new ConfluentAvroSerializer(new SchemaRegistryClient(registryUrl()));
        serializer.configure(Map.of("schema.registry.url", registryUrl(), "auto.register.schemas", "true"), false);

        serializer.serialize(ContractTopic.CREDENTIALS.topic(), revocation());

        assertThat(requests).singleElement().satisfies(registration -> {
            assertThat(registration.path()).endsWith("/subjects/creditbridge.credentials-value/versions");
            assertThat(registration.schema()).isEqualTo(publishedFile(ContractTopic.CREDENTIALS));
        });
    }

    private String registryUrl() {
        return "http://127.0.0.1:" + registry.getAddress().getPort() + "/apis/ccompat/v7";
    }

    private static String publishedFile(ContractTopic topic) throws IOException {
        try (InputStream in = ContractTopic.class.getResourceAsStream("/resolved/" + topic.publishedFileName())) {
            assertThat(in).as("the schemas jar carries resolved/" + topic.publishedFileName()).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static CredentialEvent revocation() {
        return CredentialEvent.newBuilder()
                .setEventId(UUID.fromString("0b9f5a8e-3f57-4c2e-a7b0-5d1e9c6b2a41"))
                .setOccurredAt(Instant.parse("2025-07-01T10:00:00Z"))
                .setPayload(CredentialRevoked.newBuilder()
                        .setCredentialId(UUID.fromString("6f1d4c1e-0b7a-4c39-9e8e-2f6a1c0d9b11"))
                        .setIssuingInstitution("uni.lodz.pl")
                        .setLearnerId("urn:schac:personalUniqueCode:int:esi:pl:123456")
                        .setHomeInstitution("uni.lodz.pl")
                        .setRevokedAt(Instant.parse("2025-07-01T10:00:00Z"))
                        .setReason("Issued in error")
                        .build())
                .build();
    }
}
