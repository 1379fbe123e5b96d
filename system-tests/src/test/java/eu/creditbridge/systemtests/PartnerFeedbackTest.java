package eu.creditbridge.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.contract.CredentialEvent;
import eu.creditbridge.messaging.registry.SchemaRegistryClient;
import eu.creditbridge.messaging.serde.ConfluentAvroSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Feedback for partners on the real stack: a dry run of the Confluent-framed Avro a partner would send, read against
 * the real schema registry and verified against the key the registry published; and a partner's own dead letters,
 * with their reasons, never another university's.
 */
class PartnerFeedbackTest {

    private static final Duration PIPELINE = Duration.ofSeconds(90);
    private static final String CHECKS = "/api/issuers/" + Credentials.LODZ + "/credential-checks";

    @Test
    void dryRunOfTheAvroAPartnerWouldSendVerifiesTheSignatureAndPublishesNothing() {
        String learner = Credentials.newRotterdamLearner();
        UUID id = UUID.randomUUID();
        byte[] framed = framedAsAPartnerWould(Credentials.lodzCourseResultEvent(id, learner, Credentials.EQUIVALENT_COURSE, 6));
        JsonApi officer = new JsonApi(EmbeddedStack.get().recognition().url()).as("officer@uni.lodz.pl", "demo");

        // The key reaches recognition's registry view through the registry topic: awaited, not assumed.
        JsonApi.Response answer = await("dry run with a VALID verdict").atMost(PIPELINE).pollInterval(Duration.ofMillis(500))
                .until(() -> officer.post(CHECKS, "application/avro", framed),
                        response -> response.status() == 200 && response.body().at("/signature/verdict").asText().equals("VALID"));

        assertThat(answer.body().path("fate").asText()).isEqualTo("DECIDED_BY_RULES");
        assertThat(answer.body().path("published").asBoolean(true)).isFalse();
        assertThat(answer.body().path("errors")).isEmpty();
        assertThat(EmbeddedStack.recognition().get("/api/institutions/eur.nl/decisions/" + id).status()).isEqualTo(404);
        assertThat(EmbeddedStack.kafka().readAll(ContractTopic.CREDENTIALS.topic()))
                .noneMatch(record -> learner.equals(record.key()));
    }

    @Test
    void dryRunOfAnotherUniversitysCredentialIsRefusedAtTheDoor() {
        byte[] framed = framedAsAPartnerWould(Credentials.lodzCourseResultEvent(UUID.randomUUID(),
                Credentials.newRotterdamLearner(), Credentials.EQUIVALENT_COURSE, 6));
        JsonApi recognition = new JsonApi(EmbeddedStack.get().recognition().url());

        assertThat(recognition.post(CHECKS, "application/avro", framed).status()).isEqualTo(401);
        assertThat(recognition.as("officer@eur.nl", "demo").post(CHECKS, "application/avro", framed).status()).isEqualTo(403);
        assertThat(recognition.as("registrar@uni.lodz.pl", "demo").post(CHECKS, "application/avro", framed).status()).isEqualTo(403);
    }

    @Test
    void partnerSeesItsOwnDeadLettersWithTheirReasonsAndNeverAnotherUniversitys() {
        // Readable, in Lodz's name, refused by the domain: Lodz's by the event's issuingInstitution.
        UUID refused = UUID.randomUUID();
        EmbeddedStack.kafka().send(ContractTopic.CREDENTIALS.topic(), "student-42",
                Credentials.event(Credentials.lodzCourseResult(refused, "student-42", Credentials.EQUIVALENT_COURSE, 6)));
        // Unreadable: only the ce_source header says whose, in the contract's form for partners.
        String lodzGarbage = "lodz-garbage-" + UUID.randomUUID();
        String rotterdamGarbage = "rotterdam-garbage-" + UUID.randomUUID();
        EmbeddedStack.kafka().sendBytes(ContractTopic.CREDENTIALS.topic(), lodzGarbage, "not avro".getBytes(StandardCharsets.UTF_8),
                Map.of("ce_source", "/issuers/uni.lodz.pl"));
        EmbeddedStack.kafka().sendBytes(ContractTopic.CREDENTIALS.topic(), rotterdamGarbage, "not avro".getBytes(StandardCharsets.UTF_8),
                Map.of("ce_source", "/issuers/eur.nl"));
        JsonApi registry = EmbeddedStack.registry();

        JsonNode lodz = await("Lodz's dead letters").atMost(PIPELINE).pollInterval(Duration.ofSeconds(1))
                .until(() -> registry.as("admin@uni.lodz.pl", "demo").get("/api/institutions/uni.lodz.pl/dead-letters?limit=500"),
                        response -> response.status() == 200 && keys(response.body()).contains(lodzGarbage)
                                && credentialIds(response.body()).contains(refused.toString()))
                .body();
        JsonNode own = element(lodz, "credentialId", refused.toString());
        assertThat(own.path("reason").asText()).contains("not a valid credential");
        assertThat(own.path("attributedBy").asText()).isEqualTo("EVENT_ISSUER");
        assertThat(element(lodz, "key", lodzGarbage).path("attributedBy").asText()).isEqualTo("CE_SOURCE_HEADER");
        assertThat(keys(lodz)).doesNotContain(rotterdamGarbage);

        JsonNode rotterdam = registry.as("officer@eur.nl", "demo").get("/api/institutions/eur.nl/dead-letters?limit=500").body();
        assertThat(keys(rotterdam)).contains(rotterdamGarbage).doesNotContain(lodzGarbage);
        assertThat(credentialIds(rotterdam)).doesNotContain(refused.toString());

        assertThat(registry.as("officer@eur.nl", "demo").get("/api/institutions/uni.lodz.pl/dead-letters").status()).isEqualTo(403);
        assertThat(registry.as("registrar@uni.lodz.pl", "demo").get("/api/institutions/uni.lodz.pl/dead-letters").status()).isEqualTo(403);
        assertThat(registry.get("/api/institutions/uni.lodz.pl/dead-letters").status()).isEqualTo(401);
    }

    /** What a partner's serializer sends: the id found by the published schema's content, auto-registration off. */
    private static byte[] framedAsAPartnerWould(CredentialEvent event) {
        String url = EmbeddedStack.get().schemaRegistryUrl();
        var serializer = new ConfluentAvroSerializer(new SchemaRegistryClient(url));
        serializer.configure(Map.of("schema.registry.url", url, "auto.register.schemas", "false"), false);
        return serializer.serialize(ContractTopic.CREDENTIALS.topic(), event);
    }

    private static List<String> keys(JsonNode deadLetters) {
        return values(deadLetters, "key");
    }

    private static List<String> credentialIds(JsonNode deadLetters) {
        return values(deadLetters, "credentialId");
    }

    private static List<String> values(JsonNode deadLetters, String field) {
        return StreamSupport.stream(deadLetters.spliterator(), false).map(d -> d.path(field).asText()).toList();
    }

    private static JsonNode element(JsonNode deadLetters, String field, String value) {
        return StreamSupport.stream(deadLetters.spliterator(), false).filter(d -> d.path(field).asText().equals(value))
                .findFirst().orElseThrow();
    }
}
