package eu.creditbridge.systemtests;

import static eu.creditbridge.systemtests.Credentials.EQUIVALENT_COURSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import eu.creditbridge.contract.AwardingBody;
import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.contract.CredentialIssued;
import eu.creditbridge.contract.InstitutionUpdated;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A record on a trust topic that no reader can use — bytes that are not Avro, or another institution's entry under an
 * institution's key — written by the broker's super user (the ACLs let no one else but registry-service write there)
 * on the real broker of the embedded stack. It is dead-lettered once, with its reason, where the operator console shows
 * it; it is counted; the institution's last good entry is published again after it, so compaction keeps that one; and
 * recognition keeps deciding on the institution's credentials.
 */
class TrustTopicPoisonTest {

    private static final Duration PIPELINE = Duration.ofSeconds(90);
    private static final String INSTITUTIONS = ContractTopic.INSTITUTIONS.topic();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final ContractClients kafka = EmbeddedStack.kafka();
    private static final JsonApi operations = EmbeddedStack.registry().as("operator", "demo");
    /** An institution of its own, so the shared stack's other tests never meet the poison. */
    private static final String joining = "poisoned" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";

    @BeforeAll
    static void registerTheInstitution() {
        var registered = EmbeddedStack.registry().as("alliance-admin@unic", "demo").put("/api/institutions/" + joining, """
                {"name": "University joining UNIC", "country": "NL", "gradingScheme": "nl-1-10"}
                """);
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        kafka.awaitRecord(INSTITUTIONS,
                record -> record.value() instanceof InstitutionUpdated updated && updated.getSchacCode().equals(joining), PIPELINE);
    }

    @Test
    void unreadableBytesUnderAnInstitutionsKeyAreDeadLetteredAndItsEntryIsPublishedAgainAfterThem() throws Exception {
        byte[] poison = "not avro at all".getBytes(StandardCharsets.UTF_8);
        kafka.sendBytes(INSTITUTIONS, joining, poison);

        long poisonedAt = offsetOf(joining, poison);
        JsonNode deadLetter = awaitDeadLetter(poisonedAt);
        assertThat(deadLetter.path("topic").asText()).isEqualTo(INSTITUTIONS + ".dlt");
        assertThat(deadLetter.path("reason").asText()).contains("unreadable").contains("published again");
        assertEntryPublishedAgainAfter(poisonedAt);
        assertThat(metric(EmbeddedStack.get().registry().url(), "creditbridge_dead_letters_total", INSTITUTIONS)).isGreaterThanOrEqualTo(1);
        await("recognition counts the record its view skipped").atMost(PIPELINE).pollInterval(Duration.ofMillis(500))
                .until(() -> metric(EmbeddedStack.get().recognition().url(), "creditbridge_registry_records_skipped_total", INSTITUTIONS) >= 1);
        assertRecognitionStillKnowsTheInstitution();

        // Shown with the other dead letters, and discarded by the operator like any of them.
        var discarded = operations.post(deadLetter.path("href").asText().replace("/ops/", "/api/ops/") + "/discard",
                "{\"reason\": \"Poison on a trust topic; the entry was published again\"}");
        assertThat(discarded.status()).as(discarded.body().toString()).isEqualTo(200);
    }

    @Test
    void anotherInstitutionsEntryUnderAnInstitutionsKeyReplacesNothing() {
        ConsumerRecord<String, byte[]> cork = kafka.readAll(INSTITUTIONS).stream()
                .filter(record -> "ucc.ie".equals(record.key()) && record.value() != null).reduce((first, last) -> last).orElseThrow();
        kafka.sendBytes(INSTITUTIONS, joining, cork.value());

        long poisonedAt = offsetOf(joining, cork.value());
        assertThat(awaitDeadLetter(poisonedAt).path("reason").asText()).contains("ucc.ie").contains("under the key of " + joining);
        assertEntryPublishedAgainAfter(poisonedAt);
        assertRecognitionStillKnowsTheInstitution();
    }

    private static long offsetOf(String key, byte[] value) {
        return kafka.readAll(INSTITUTIONS).stream()
                .filter(record -> key.equals(record.key()) && Arrays.equals(record.value(), value))
                .mapToLong(ConsumerRecord::offset).max().orElseThrow();
    }

    /** Until the operator console's REST twin lists the dead letter of that record. */
    private static JsonNode awaitDeadLetter(long originalOffset) {
        return await("the dead letter of " + INSTITUTIONS + "@" + originalOffset).atMost(PIPELINE).pollInterval(Duration.ofMillis(250))
                .until(() -> StreamSupport.stream(operations.get("/api/ops/dead-letters?limit=500").body().spliterator(), false)
                        .filter(d -> d.path("originalTopic").asText().equals(INSTITUTIONS) && d.path("key").asText().equals(joining)
                                && d.path("originalOffset").asLong() == originalOffset)
                        .findFirst().orElse(null), found -> found != null);
    }

    /** The last record under the key is the institution's good entry again, as compaction will keep it. */
    private static void assertEntryPublishedAgainAfter(long poisonedAt) {
        var restored = kafka.awaitRecord(INSTITUTIONS, record -> joining.equals(record.key()) && record.offset() > poisonedAt
                && record.value() instanceof InstitutionUpdated updated && updated.getSchacCode().equals(joining), PIPELINE);
        assertThat(((InstitutionUpdated) restored.value()).getName()).isEqualTo("University joining UNIC");
    }

    /** A credential of the institution is decided on (an unknown issuer's would be dead-lettered instead). */
    private static void assertRecognitionStillKnowsTheInstitution() {
        String learner = Credentials.newRotterdamLearner();
        UUID id = UUID.randomUUID();
        CredentialIssued credential = CredentialIssued.newBuilder(Credentials.lodzCourseResult(id, learner, EQUIVALENT_COURSE, 6))
                .setIssuingInstitution(joining).setIssuerCountries(List.of("NL"))
                .setAwardingBodies(List.of(new AwardingBody(joining, "University joining UNIC")))
                .build();
        kafka.send(ContractTopic.CREDENTIALS.topic(), learner, Credentials.event(credential));
        await("a decision on " + joining + "'s credential").atMost(PIPELINE).pollInterval(Duration.ofMillis(250))
                .until(() -> EmbeddedStack.recognition().get("/api/institutions/eur.nl/decisions/" + id).status() == 200);
    }

    /** The sum of a counter's series for one topic in a service's Prometheus text. */
    private static double metric(String serviceUrl, String name, String topic) throws Exception {
        String text = HTTP.send(HttpRequest.newBuilder(URI.create(serviceUrl + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return text.lines().filter(line -> line.startsWith(name + "{") && line.contains("topic=\"" + topic + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
