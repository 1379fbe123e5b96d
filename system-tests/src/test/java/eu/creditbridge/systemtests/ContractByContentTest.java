package eu.creditbridge.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.contract.CredentialEvent;
import eu.creditbridge.contract.RecognitionDecided;
import eu.creditbridge.contract.SignatureVerdict;
import eu.creditbridge.messaging.registry.CompatibilityLevel;
import eu.creditbridge.messaging.registry.SchemaRegistryClient;
import eu.creditbridge.messaging.serde.ConfluentAvroSerializer;
import eu.creditbridge.messaging.serde.ConfluentWireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/**
 * A partner with a stock Confluent client loads the published schema ({@code schemas/resolved/<subject>.avsc}), turns
 * auto-registration and {@code use.latest.version} off, and asks the registry for its id by content
 * ({@code POST /subjects/{subject}}, no normalisation) — against the stack's real Apicurio. It finds the id the
 * stack registered, the same one CreditBridge's own Java serializer finds, and what it produces with it is recognised.
 */
class ContractByContentTest {

    private static final Duration PIPELINE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path REPO = Path.of(System.getProperty("creditbridge.repo", ".."));
    private static final Path RESOLVED = REPO.resolve("schemas/resolved");
    private static final Path NODE_CLIENT = REPO.resolve("docs/partners/javascript");

    private final String registryUrl = EmbeddedStack.get().schemaRegistryUrl();

    @Test
    void everyPublishedSchemaPostedAsItIsFindsTheIdTheStackRegistered() {
        for (ContractTopic topic : ContractTopic.all()) {
            String published = publishedFile(topic);

            JsonNode found = lookUpByContent(topic.valueSubject(), published);

            JsonNode latest = registry("GET", "subjects/" + encode(topic.valueSubject()) + "/versions/latest", null);
            assertThat(found.path("id").asInt()).as(topic.valueSubject()).isPositive().isEqualTo(latest.path("id").asInt());
            assertThat(registry("GET", "schemas/ids/" + found.path("id").asInt(), null).path("schema").asText())
                    .as("what the registry holds").isEqualTo(published).doesNotContain("avro.java.string");
        }
    }

    @Test
    void javaProducerWithAutoRegistrationOffFindsTheSameIdAsThePartner() {
        // A client of its own: nothing cached from the stack's start or other tests.
        var serializer = new ConfluentAvroSerializer(new SchemaRegistryClient(registryUrl));
        serializer.configure(Map.of("schema.registry.url", registryUrl, "auto.register.schemas", "false"), false);
        CredentialEvent event = Credentials.lodzCourseResultEvent(UUID.randomUUID(), Credentials.newRotterdamLearner(),
                Credentials.EQUIVALENT_COURSE, 6);

        byte[] framed = serializer.serialize(ContractTopic.CREDENTIALS.topic(), event);

        int partnersId = lookUpByContent(ContractTopic.CREDENTIALS.valueSubject(), publishedFile(ContractTopic.CREDENTIALS))
                .path("id").asInt();
        assertThat(ConfluentWireFormat.schemaId(framed)).isEqualTo(partnersId);
    }

    @Test
    void credentialProducedWithThePublishedSchemaAndTheIdFoundByContentIsRecognisedWithAValidVerdict() {
        String learner = Credentials.newRotterdamLearner();
        UUID id = UUID.randomUUID();
        CredentialEvent event = Credentials.lodzCourseResultEvent(id, learner, Credentials.EQUIVALENT_COURSE, 6);
        String text = publishedFile(ContractTopic.CREDENTIALS);
        int schemaId = lookUpByContent(ContractTopic.CREDENTIALS.valueSubject(), text).path("id").asInt();

        // As a partner's generic Avro library writes it: a record of the published schema, no generated class.
        byte[] value = ConfluentWireFormat.frame(schemaId, asGenericRecordOf(new Schema.Parser().parse(text), event));
        EmbeddedStack.kafka().sendBytes(ContractTopic.CREDENTIALS.topic(), learner, value);

        assertRecognisedWithAValidVerdict(id);
    }

    /**
     * The "done when", with a stock client: Confluent's own JavaScript schema-registry client and Avro
     * serializer (docs/partners/javascript/stock-serializer.mjs), auto-registration and use.latest.version off, the published file as is.
     */
    @Test
    void stockJavaScriptSerializerWithAutoRegistrationAndLatestVersionOffProducesACredentialThatIsRecognised() throws Exception {
        String learner = Credentials.newRotterdamLearner();
        UUID id = UUID.randomUUID();
        CredentialEvent event = Credentials.lodzCourseResultEvent(id, learner, Credentials.EQUIVALENT_COURSE, 6);
        String text = publishedFile(ContractTopic.CREDENTIALS);
        byte[] binary = asGenericRecordOf(new Schema.Parser().parse(text), event);

        JsonNode stock = JSON.readTree(node("stock-serializer.mjs", registryUrl,
                RESOLVED.resolve(ContractTopic.CREDENTIALS.publishedFileName()).toAbsolutePath().toString(),
                HexFormat.of().formatHex(binary)));

        int byContent = lookUpByContent(ContractTopic.CREDENTIALS.valueSubject(), text).path("id").asInt();
        byte[] framed = HexFormat.of().parseHex(stock.path("framedHex").asText());
        assertThat(stock.path("id").asInt()).isEqualTo(byContent);
        assertThat(ConfluentWireFormat.schemaId(framed)).isEqualTo(byContent);
        assertThat(Arrays.copyOfRange(framed, ConfluentWireFormat.HEADER_LENGTH, framed.length)).isEqualTo(binary);

        // Sent as the partner's own broker principal, which may write the credentials topic and nothing else.
        EmbeddedStack.kafkaAsPartner(Credentials.LODZ).sendBytes(ContractTopic.CREDENTIALS.topic(), learner, framed);

        assertRecognisedWithAValidVerdict(id);
    }

    @Test
    void subjectHoldingTheOlderJavaFlavouredSchemaGetsThePublishedOneAsANewBackwardCompatibleVersion() {
        // A subject of its own, as a stack started before the contract was published language-neutral left it.
        String subject = "contract-by-content-" + UUID.randomUUID() + "-value";
        var client = new SchemaRegistryClient(registryUrl);
        String javaFlavoured = ContractTopic.CREDENTIALS.valueSchema().toString();
        assertThat(javaFlavoured).contains("\"avro.java.string\":\"String\"");
        // Posted directly: this project's client would send the published form.
        int older = registry("POST", "subjects/" + encode(subject) + "/versions", javaFlavoured).path("id").asInt();
        client.setCompatibility(subject, CompatibilityLevel.BACKWARD);

        int published = client.register(subject, ContractTopic.CREDENTIALS.publishedSchema());

        assertThat(published).isNotEqualTo(older);
        assertThat(registry("GET", "subjects/" + encode(subject) + "/versions", null).size()).isEqualTo(2);
        assertThat(lookUpByContent(subject, publishedFile(ContractTopic.CREDENTIALS)).path("id").asInt()).isEqualTo(published);
        assertThat(client.compatibility(subject)).isEqualTo(CompatibilityLevel.BACKWARD);
    }

    /** Rotterdam recognised it, and the decision it published carries the signature verdict VALID. */
    private static void assertRecognisedWithAValidVerdict(UUID id) {
        JsonNode decision = await("decision on " + id).atMost(PIPELINE).pollInterval(Duration.ofMillis(250))
                .until(() -> EmbeddedStack.recognition().get("/api/institutions/eur.nl/decisions/" + id),
                        response -> response.status() == 200).body();
        assertThat(decision.path("outcome").asText()).isEqualTo("RECOGNISED");
        var published = EmbeddedStack.kafka().awaitRecord(ContractTopic.DECISIONS.topic(),
                record -> record.value() instanceof RecognitionDecided decided && decided.getCredentialId().equals(id), PIPELINE);
        assertThat(((RecognitionDecided) published.value()).getSignatureVerdict()).isEqualTo(SignatureVerdict.VALID);
    }

    /** Runs a script of docs/partners/javascript with the machine's node; its standard output, once it exits 0. */
    private static String node(String script, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(arguments));
        Path stdout = Files.createTempFile("stock-client", ".out");
        Path stderr = Files.createTempFile("stock-client", ".err");
        Process process = new ProcessBuilder(command).directory(NODE_CLIENT.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String out = Files.readString(stdout);
        String err = Files.readString(stderr);
        Files.deleteIfExists(stdout);
        Files.deleteIfExists(stderr);
        assertThat(exited && process.exitValue() == 0).as("node " + script + " succeeded; stderr:\n" + err).isTrue();
        return out;
    }

    private static String publishedFile(ContractTopic topic) {
        try {
            return Files.readString(RESOLVED.resolve(topic.publishedFileName()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a stock serializer with auto-registration and use.latest.version off asks: the schema text, unchanged. */
    private JsonNode lookUpByContent(String subject, String schemaText) {
        return registry("POST", "subjects/" + encode(subject), schemaText);
    }

    private JsonNode registry(String method, String path, String schemaText) {
        try {
            String body = schemaText == null ? null
                    : JSON.writeValueAsString(Map.of("schema", schemaText, "schemaType", "AVRO"));
            HttpRequest request = HttpRequest.newBuilder(URI.create(registryUrl + "/" + path))
                    .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The event as a generic record of {@code schema}, written back by a generic writer: no generated class involved. */
    private static byte[] asGenericRecordOf(Schema schema, CredentialEvent event) {
        try {
            var specific = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(specific, null);
            new SpecificDatumWriter<CredentialEvent>(CredentialEvent.getClassSchema()).write(event, encoder);
            encoder.flush();
            GenericRecord generic = new GenericDatumReader<GenericRecord>(CredentialEvent.getClassSchema(), schema)
                    .read(null, DecoderFactory.get().binaryDecoder(specific.toByteArray(), null));
            var out = new ByteArrayOutputStream();
            BinaryEncoder genericEncoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<GenericRecord>(schema).write(generic, genericEncoder);
            genericEncoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8);
    }
}
