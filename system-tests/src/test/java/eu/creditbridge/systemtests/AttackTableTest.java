package eu.creditbridge.systemtests;

import static eu.creditbridge.systemtests.Credentials.EQUIVALENT_COURSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.OctetKeyPair;
import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.contract.CredentialEvent;
import eu.creditbridge.contract.CredentialRevoked;
import eu.creditbridge.messaging.config.DeadLetterAutoConfiguration;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11's attack table: every write door of the three services, the personal reads, a key swap and revocations in
 * another university's name, each tried by the wrong caller and by the right one. The rows are data
 * ({@code attack-table.psv}, read as the README's "who may do what" table is); this class only plays them. A refused
 * row must leave the resource it names exactly as it was.
 */
class AttackTableTest {

    private static final Duration PIPELINE = LearnerRecords.PIPELINE;

    /** The fixture every row may aim at: a Lodz credential to a Rotterdam learner, decided and on the record. */
    private static String learner;
    private static String credential;
    private static String lodzKey;
    /** A Lodz credential published by its partner principal straight onto Kafka, decided, its decision at the issuer. */
    private static String kafkaCredential;

    record Row(int line, String service, String who, String method, String path, String body, String expect, String watch) {

        @Override
        public String toString() {
            return "line " + line + ": " + who + " " + method + " " + service + " " + path + " → " + expect;
        }
    }

    static Stream<Row> rows() {
        List<Row> rows = new ArrayList<>();
        try (var in = new BufferedReader(new InputStreamReader(
                AttackTableTest.class.getResourceAsStream("/attack-table.psv"), StandardCharsets.UTF_8))) {
            String text;
            int line = 0;
            while ((text = in.readLine()) != null) {
                line++;
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                String[] cells = text.split("\\|");
                if (cells.length != 7) {
                    throw new IllegalStateException("attack-table.psv line " + line + " has " + cells.length + " cells, not 7");
                }
                rows.add(new Row(line, cells[0].trim(), cells[1].trim(), cells[2].trim(), cells[3].trim(), cells[4].trim(),
                        cells[5].trim(), cells[6].trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows.stream();
    }

    @BeforeAll
    static void issueTheFixtureCredential() {
        learner = Credentials.newRotterdamLearner();
        credential = issueLodzCredential(learner);
        LearnerRecords.awaitTotal(learner, 6);
        await("the decision back at the issuer").atMost(PIPELINE).pollInterval(Duration.ofMillis(250))
                .until(() -> EmbeddedStack.issuer().get("/api/credentials/" + credential).body().path("recognitions").size() > 0);
        JsonNode keys = EmbeddedStack.registry().get("/api/institutions/uni.lodz.pl").body().path("signingKeys");
        lodzKey = keys.get(0).path("keyId").asText();
        kafkaCredential = publishLodzCredentialOntoKafka(Credentials.newRotterdamLearner());
    }

    private static String publishLodzCredentialOntoKafka(String learner) {
        UUID id = UUID.randomUUID();
        EmbeddedStack.kafkaAsPartner(Credentials.LODZ).send(ContractTopic.CREDENTIALS.topic(), learner, Credentials.event(
                PartnerSigningKey.signed(Credentials.lodzCourseResult(id, learner, EQUIVALENT_COURSE, 6), PartnerSigningKey.get())));
        await("the decision on the partner's own credential at the issuer").atMost(PIPELINE).pollInterval(Duration.ofMillis(250))
                .until(() -> EmbeddedStack.issuer().get("/api/credentials/" + id + "/decisions").status() == 200);
        return id.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyDoorOpensOnlyForWhoMayPassIt(Row row) {
        Map<String, String> values = Map.of(
                "{credential}", credential,
                "{learner}", learner,
                "{lodzKey}", lodzKey,
                "{kafkaCredential}", kafkaCredential,
                "{fresh}", UUID.randomUUID().toString(),
                "{freshLearner}", Credentials.newRotterdamLearner(),
                "{freshSchac}", "attack" + ThreadLocalRandom.current().nextInt(1_000_000) + ".example.eu",
                "{issued}", row.path().contains("{issued}") || row.watch().contains("{issued}")
                        ? issueLodzCredential(Credentials.newRotterdamLearner()) : "");
        String path = fill(row.path(), values);
        String watch = fill(row.watch(), values);
        JsonApi.Response before = watched(watch);

        if (row.service().equals("kafka")) {
            revokeAs(row.who(), path);
        } else {
            JsonApi.Response answer = send(row, path, body(row.body(), path, values));
            assertThat(answer.status()).as(row + "\nanswered " + answer.body()).isEqualTo(Integer.parseInt(row.expect()));
            if (answer.status() >= 400) {
                assertThat(answer.body().path("type").asText()).as("RFC 9457 problem type").startsWith("urn:creditbridge:problem:");
            }
        }

        if (before != null) {
            JsonApi.Response after = watched(watch);
            if (refused(row)) {
                assertThat(after).as("a refused request changed " + watch).isEqualTo(before);
            } else {
                assertThat(after).as("an allowed request changed nothing at " + watch).isNotEqualTo(before);
            }
        }
    }

    private static boolean refused(Row row) {
        return row.expect().equals("dead-letter") || row.expect().startsWith("4");
    }

    private static JsonApi.Response send(Row row, String path, String body) {
        JsonApi api = caller(row.who(), api(row.service()));
        return switch (row.method()) {
            case "GET" -> api.get(path);
            case "POST" -> body != null && body.startsWith("<") ? api.post(path, body, "application/xml") : api.post(path, body);
            case "PUT" -> api.put(path, body);
            case "DELETE" -> api.delete(path);
            default -> throw new IllegalStateException("unknown method " + row.method() + " in " + row);
        };
    }

    private static JsonApi api(String service) {
        var stack = EmbeddedStack.get();
        return new JsonApi(switch (service) {
            case "issuer" -> stack.issuer().url();
            case "registry" -> stack.registry().url();
            case "recognition" -> stack.recognition().url();
            default -> throw new IllegalStateException("unknown service " + service);
        });
    }

    private static JsonApi caller(String who, JsonApi api) {
        if (who.equals("anonymous")) {
            return api;
        }
        if (who.startsWith("person:")) {
            return api.as(who.substring("person:".length()), "demo");
        }
        if (who.startsWith("machine:")) {
            return api.asMachine(who.substring("machine:".length()));
        }
        throw new IllegalStateException("unknown caller " + who);
    }

    /** The resource a row must leave alone, read by its owner: "service path", or null for "-". */
    private static JsonApi.Response watched(String watch) {
        if (watch.equals("-")) {
            return null;
        }
        String[] parts = watch.split(" ", 2);
        JsonApi owner = switch (parts[0]) {
            case "issuer" -> EmbeddedStack.issuer();
            case "registry" -> EmbeddedStack.registry();
            case "recognition" -> EmbeddedStack.recognition();
            default -> throw new IllegalStateException("unknown watch " + watch);
        };
        return owner.get(parts[1]);
    }

    /** A revocation of a Lodz credential sent straight onto the topic in {@code institution}'s name. */
    private static void revokeAs(String institution, String credentialId) {
        UUID eventId = UUID.randomUUID();
        CredentialRevoked revoked = CredentialRevoked.newBuilder()
                .setCredentialId(UUID.fromString(credentialId))
                .setIssuingInstitution(institution)
                .setLearnerId(learner)
                .setHomeInstitution("eur.nl")
                .setRevokedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setReason("Revoked in another university's name")
                .build();
        EmbeddedStack.kafka().send(ContractTopic.CREDENTIALS.topic(), learner, CredentialEvent.newBuilder()
                .setEventId(eventId).setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).setPayload(revoked).build());
        var deadLetter = EmbeddedStack.kafka().awaitRawRecord(ContractTopic.CREDENTIALS.deadLetterTopic(),
                record -> learner.equals(record.key()) && eventId.toString().equals(header(record.headers().lastHeader("ce_id"))),
                PIPELINE);
        assertThat(header(deadLetter.headers().lastHeader(DeadLetterAutoConfiguration.REASON_HEADER)))
                .as("dead-letter reason").contains(institution).contains("only the issuing institution may revoke");
    }

    private static String header(Header header) {
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String issueLodzCredential(String learnerId) {
        var created = EmbeddedStack.issuer().post("/api/credentials", Credentials.lodzCourseResultJson(learnerId, EQUIVALENT_COURSE, 6));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().path("credentialId").asText();
    }

    private static String fill(String text, Map<String, String> values) {
        String filled = text;
        for (var value : values.entrySet()) {
            filled = filled.replace(value.getKey(), value.getValue());
        }
        return filled;
    }

    private static String testVector(String name) {
        try {
            Path file = Path.of(System.getProperty("creditbridge.repo", "..")).resolve("schemas/test-vectors/" + name + ".json");
            JsonNode vector = JsonApi.json().readTree(file.toFile());
            var sent = ((com.fasterxml.jackson.databind.node.ObjectNode) vector.get("credential")).deepCopy();
            sent.put("signature", vector.get("signature").asText());
            return sent.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String body(String name, String path, Map<String, String> values) {
        return switch (name) {
            case "-" -> null;
            case "empty" -> "{}";
            // A credential carrying its id, so the row can look for it afterwards.
            case "credential" -> Credentials.lodzCourseResultJson(values.get("{freshLearner}"), EQUIVALENT_COURSE, 6)
                    .replaceFirst("\\{", "{\"credentialId\": \"" + values.get("{fresh}") + "\",");
            case "revocation" -> "{\"reason\": \"Grade annulled after an appeal\"}";
            case "offer" -> "{\"source\": \"a stranger\", \"gradingTable\": {\"referencePeriod\": \"2020\", \"bands\": "
                    + "[{\"grade\": \"5.0\", \"percentage\": 100}]}}";
            case "transcript" -> Credentials.lodzTranscriptXml(values.get("{freshLearner}"), "4.5", 6, EQUIVALENT_COURSE);
            // A partner's dry run: the published test vector's credential with its signature (schemas/test-vectors).
            case "vector" -> testVector("full");
            case "key" -> {
                // The key's own "kid" names the key id of the door, as the registry requires; the material is always new.
                OctetKeyPair key = PartnerSigningKey.generate(path.substring(path.lastIndexOf('/') + 1));
                yield "{\"algorithm\":\"EdDSA\",\"publicKey\":" + JsonApi.json().valueToTree(key.toPublicJWK().toJSONString())
                        + ",\"validFrom\":\"2000-01-01\"}";
            }
            case "compromise" -> "{\"from\": \"2020-01-01\", \"reason\": \"Private key published by mistake\"}";
            case "principals" -> "{\"principals\": [\"evil-service\"]}";
            case "institution" -> "{\"erasmusCode\": \"PL LODZ01\", \"name\": \"University of Lodz (hijacked)\", \"country\": \"PL\","
                    + " \"gradingScheme\": \"pl-2-5\"}";
            case "new-institution" -> "{\"name\": \"University joining UNIC\", \"country\": \"NL\", \"gradingScheme\": \"nl-1-10\"}";
            case "ruleset" -> "{\"electiveCategory\": \"alliance-electives\", \"rules\": [{\"id\": \"everything\", \"priority\": 1,"
                    + " \"condition\": \"true\", \"action\": {\"type\": \"RECOGNISE_AS_ELECTIVE\"}}]}";
            case "alliance" -> "{\"name\": \"UNIC (hijacked)\"}";
            case "member" -> "{\"memberSince\": \"2024-01-01\"}";
            case "suspension" -> "{\"suspendedFrom\": \"2026-01-01\", \"reason\": \"Suspended by a stranger\"}";
            case "discard" -> "{\"reason\": \"Discarded by a stranger\"}";
            case "rejection" -> "{\"reason\": \"Rejected by a stranger\"}";
            case "agreement" -> """
                    {"partnerInstitution": "uni.lodz.pl", "status": "APPROVED", "mobilityFrom": "2024-09-01", "mobilityUntil": "2025-03-31",
                     "components": [{"partnerCourseCode": "FEB22012", "localCourseCode": "INF-2041", "localCourseTitle": "Data Science", "ects": 5}]}
                    """;
            default -> throw new IllegalStateException("unknown body " + name);
        };
    }
}
