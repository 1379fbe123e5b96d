package eu.creditbridge.systemtests;

import static eu.creditbridge.systemtests.Credentials.EQUIVALENT_COURSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import eu.creditbridge.localstack.MachineAccountsFile;
import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.contract.CredentialEvent;
import eu.creditbridge.contract.CredentialIssued;
import eu.creditbridge.contract.LearnerIdentification;
import eu.creditbridge.contract.RecognitionDecided;
import eu.creditbridge.messaging.config.DeadLetterAutoConfiguration;
import eu.creditbridge.messaging.registry.SchemaRegistryClient;
import eu.creditbridge.messaging.serde.ConfluentWireFormat;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * Bad input of every kind that DeliveryGuaranteesTest (bytes that are not Avro, an unknown schema id) and
 * ContractRegistrationTest (an incompatible schema refused at the registry) do not already cover: each gets a clear
 * error or a dead letter with its reason, and the stream behind it moves on.
 */
class BadInputTest {

    private static final String CREDENTIALS = ContractTopic.CREDENTIALS.topic();
    private static final Duration DEAD_LETTER = Duration.ofSeconds(60);

    private final ContractClients kafka = EmbeddedStack.kafka();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void valueFramedWithAnotherSubjectsSchemaIdIsDeadLetteredNamingBothSchemas() {
        String learner = Credentials.newRotterdamLearner();
        var registry = new SchemaRegistryClient(EmbeddedStack.get().schemaRegistryUrl());
        int decisionSchema = registry.idOf(ContractTopic.DECISIONS.valueSubject(), ContractTopic.DECISIONS.valueSchema());

        kafka.sendBytes(CREDENTIALS, learner, ConfluentWireFormat.frame(decisionSchema, new byte[] {2, 4, 6, 8}));
        kafka.send(CREDENTIALS, learner, Credentials.lodzCourseResultEvent(UUID.randomUUID(), learner, EQUIVALENT_COURSE, 6));

        LearnerRecords.awaitTotal(learner, 6);
        assertThat(reason(deadLetterOf(learner)))
                .contains(RecognitionDecided.class.getName())
                .contains(CredentialEvent.class.getName());
    }

    @Test
    void eventUnderTheBrokerLimitButOverTheContractLimitIsDeadLetteredAndTheStreamMovesOn() {
        String learner = Credentials.newRotterdamLearner();
        CredentialIssued absurd = CredentialIssued.newBuilder(
                        Credentials.lodzCourseResult(UUID.randomUUID(), learner, EQUIVALENT_COURSE, 6))
                .setTitle("T".repeat(400_000))
                .build();

        kafka.send(CREDENTIALS, learner, Credentials.event(absurd));
        kafka.send(CREDENTIALS, learner, Credentials.lodzCourseResultEvent(UUID.randomUUID(), learner, EQUIVALENT_COURSE, 6));

        LearnerRecords.awaitTotal(learner, 6);
        assertThat(reason(deadLetterOf(learner))).contains("bytes, more than the 262144 bytes");
    }

    @Test
    void eventOverTheBrokerLimitIsRefusedToTheProducer() {
        String learner = Credentials.newRotterdamLearner();
        CredentialIssued huge = CredentialIssued.newBuilder(
                        Credentials.lodzCourseResult(UUID.randomUUID(), learner, EQUIVALENT_COURSE, 6))
                .setTitle("T".repeat(2_000_000))
                .build();

        assertThatThrownBy(() -> kafka.send(CREDENTIALS, learner, Credentials.event(huge)))
                .hasRootCauseInstanceOf(RecordTooLargeException.class);
    }

    @Test
    void validEventForAReceivingInstitutionTheRegistryDoesNotKnowIsDeadLetteredAfterItsGrace() {
        String key = Credentials.newRotterdamLearner();
        CredentialIssued issued = Credentials.lodzCourseResult(UUID.randomUUID(), key, EQUIVALENT_COURSE, 6);
        CredentialIssued forNowhere = CredentialIssued.newBuilder(issued)
                .setLearner(LearnerIdentification.newBuilder()
                        .setEuropeanStudentIdentifier("urn:schac:personalUniqueCode:int:esi:nowhere.example:1")
                        .setHomeInstitution("nowhere.example")
                        .build())
                .build();

        // Same key, same partition: the learner's next credential waits behind it, then goes through.
        kafka.send(CREDENTIALS, key, Credentials.event(forNowhere));
        kafka.send(CREDENTIALS, key, Credentials.lodzCourseResultEvent(UUID.randomUUID(), key, EQUIVALENT_COURSE, 6));

        LearnerRecords.awaitTotal(key, 6);
        assertThat(reason(deadLetterOf(key))).contains("nowhere.example").contains("not in the alliance registry");
    }

    @Test
    void validEventFromAnIssuerTheRegistryDoesNotKnowGoesToARegistrarNotToTheDeadLetters() {
        String learner = Credentials.newRotterdamLearner();
        UUID credentialId = UUID.randomUUID();
        CredentialIssued fromNowhere = CredentialIssued.newBuilder(
                        Credentials.lodzCourseResult(credentialId, learner, EQUIVALENT_COURSE, 6))
                .setIssuingInstitution("nowhere.example")
                .build();

        kafka.send(CREDENTIALS, learner, Credentials.event(fromNowhere));

        var decided = kafka.awaitRecord(ContractTopic.DECISIONS.topic(),
                record -> record.value() instanceof RecognitionDecided decision && decision.getCredentialId().equals(credentialId),
                LearnerRecords.PIPELINE);
        var decision = (RecognitionDecided) decided.value();
        assertThat(decision.getOutcome().name()).isEqualTo("NEEDS_REVIEW");
        assertThat(decision.toString()).contains("nowhere.example is not listed in the alliance registry");
    }

    @Test
    void requestBodyOverTheIssuersLimitIsAnswered413WithProblemDetails() throws Exception {
        String json = Credentials.lodzCourseResultJson(Credentials.newRotterdamLearner(), EQUIVALENT_COURSE, 6)
                .replace("Introduction to Informatics", "T".repeat(1_000_000));

        var answer = post(EmbeddedStack.get().issuer().url() + "/api/credentials", json);

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(assertProblem(answer).path("detail").asText()).contains("131072 bytes");
    }

    @Test
    void malformedCredentialBodiesAreAnswered400NamingTheField() throws Exception {
        String url = EmbeddedStack.get().issuer().url() + "/api/credentials";
        String valid = Credentials.lodzCourseResultJson(Credentials.newRotterdamLearner(), EQUIVALENT_COURSE, 6);

        assertThat(badFields(post(url, "this is not JSON"))).contains("is not well-formed JSON");
        assertThat(badFields(post(url, valid.replace("\"ectsCredits\": 6", "\"ectsCredits\": \"six\""))))
                .contains("ectsCredits");
        assertThat(badFields(post(url, valid.replace("\"assessmentType\": \"WRITTEN_EXAM\"", "\"assessmentType\": \"TELEPATHY\""))))
                .contains("assessmentType").contains("must be one of");
        assertThat(badFields(post(url, "{\"ectsCredits\": 6}")))
                .contains("issuingInstitution").contains("learner").contains("title");
    }

    @Test
    void malformedRulesetIsAnswered400NamingTheField() throws Exception {
        String url = EmbeddedStack.get().registry().url() + "/api/institutions/eur.nl/rulesets/validation";

        var answer = post(url, "{\"rules\": [{\"id\": \"r\", \"priority\": \"first\", \"condition\": \"true\","
                + " \"action\": {\"type\": \"REJECT\", \"reason\": \"no\"}}]}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(assertProblem(answer).toString()).contains("priority");
    }

    /** The problem's bad fields and messages, after checking it is a 400 problem. */
    private static String badFields(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        return assertProblem(answer).path("errors").toString();
    }

    private static JsonNode assertProblem(HttpResponse<String> answer) {
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        try {
            JsonNode problem = JsonApi.json().readTree(answer.body());
            assertThat(problem.path("title").asText()).isNotBlank();
            assertThat(problem.path("detail").asText()).isNotBlank();
            return problem;
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + answer.body(), e);
        }
    }

    /** Signed in as Lodz's system, so the body itself is what is judged. */
    private HttpResponse<String> post(String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .header("Authorization", EmbeddedStack.machineBasic(MachineAccountsFile.systemOf(Credentials.LODZ)))
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private ConsumerRecord<String, byte[]> deadLetterOf(String key) {
        return kafka.awaitRawRecord(ContractTopic.CREDENTIALS.deadLetterTopic(), record -> key.equals(record.key()), DEAD_LETTER);
    }

    private static String reason(ConsumerRecord<?, ?> deadLetter) {
        Header header = deadLetter.headers().lastHeader(DeadLetterAutoConfiguration.REASON_HEADER);
        assertThat(header).as("dead-letter reason").isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
