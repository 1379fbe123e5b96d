package eu.creditbridge.systemtests;

import static eu.creditbridge.systemtests.Credentials.EQUIVALENT_COURSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.contract.CredentialEvent;
import eu.creditbridge.localstack.LocalStack;
import eu.creditbridge.localstack.ServiceProcess;
import eu.creditbridge.localstack.store.StoreOpened;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The restart issue at CI size: a partner publishes a few thousand signed credentials, everything is decided, then
 * MongoDB and the three services are stopped and started again on the same data. The store opens without migrating or
 * reading its documents back, every service is ready, the learners' records are what they were, and the next
 * credential is decided as before. ({@code ./creditbridge seed} and a stop/start do the same at full size.)
 */
class RestartAtVolumeTest {

    /* CI size by default; the full-size run is a command: -Drestart.credentials=20000 (see the local-stack README). */
    private static final int CREDENTIALS = Integer.getInteger("restart.credentials", 2_000);
    private static final int LEARNERS = CREDENTIALS / 10;
    private static final Duration PIPELINE = Duration.ofSeconds(Math.max(240, CREDENTIALS / 20));

    private final JsonApi recognition = EmbeddedStack.recognition();

    @Test
    void aStackHoldingThousandsOfDecisionsRestartsHealthyWithTheSameRecords() {
        LocalStack stack = EmbeddedStack.get();
        List<String> learners = IntStream.range(0, LEARNERS).mapToObj(i -> Credentials.newRotterdamLearner()).toList();
        long decisionsBefore = decisionsStored(stack);
        List<CredentialEvent> events = new ArrayList<>();
        for (int i = 0; i < CREDENTIALS; i++) {
            events.add(Credentials.lodzCourseResultEvent(UUID.randomUUID(), learners.get(i % LEARNERS), EQUIVALENT_COURSE, 6));
        }
        EmbeddedStack.kafka().sendAll(ContractTopic.CREDENTIALS.topic(), events,
                event -> ((eu.creditbridge.contract.CredentialIssued) event.getPayload()).getLearner().getEuropeanStudentIdentifier());
        await("all " + CREDENTIALS + " decided").atMost(PIPELINE).pollInterval(Duration.ofSeconds(1))
                .until(() -> decisionsStored(stack) >= decisionsBefore + CREDENTIALS);
        List<JsonNode> recordsBefore = List.of(awaitComplete(learners.get(0)), awaitComplete(learners.get(LEARNERS - 1)));

        List<String> services = List.of(ServiceProcess.RECOGNITION, ServiceProcess.ISSUER, ServiceProcess.REGISTRY);
        services.forEach(name -> stack.component(name).stop());
        stack.mongo().restart();
        List.of(ServiceProcess.REGISTRY, ServiceProcess.ISSUER, ServiceProcess.RECOGNITION).forEach(name -> stack.component(name).start());

        StoreOpened opened = stack.mongo().opened().orElseThrow();
        System.out.printf("[restart] %d credentials decided; %s; services ready in %s%n", CREDENTIALS, opened.summary(),
                List.of(ServiceProcess.REGISTRY, ServiceProcess.ISSUER, ServiceProcess.RECOGNITION).stream()
                        .map(name -> name + " " + stack.component(name).process().lastStartUpTime().toMillis() / 1000.0 + " s").toList());
        assertThat(opened.migration().happened()).isFalse();
        assertThat(opened.documents()).as("decisions and records of %d credentials", CREDENTIALS).isGreaterThan(CREDENTIALS);
        assertThat(record(learners.get(0))).isEqualTo(recordsBefore.get(0));
        assertThat(record(learners.get(LEARNERS - 1))).isEqualTo(recordsBefore.get(1));

        String newcomer = Credentials.newRotterdamLearner();
        UUID next = UUID.randomUUID();
        EmbeddedStack.kafka().send(ContractTopic.CREDENTIALS.topic(), newcomer,
                Credentials.lodzCourseResultEvent(next, newcomer, EQUIVALENT_COURSE, 6));
        JsonNode decided = await("the next credential decided").atMost(PIPELINE).pollInterval(Duration.ofMillis(250))
                .until(() -> recognition.get("/api/institutions/eur.nl/decisions/" + next), response -> response.status() == 200)
                .body();
        assertThat(decided.path("outcome").asText()).isEqualTo("RECOGNISED");
    }

    /* A record listing every credential sent for the learner. */
    private JsonNode awaitComplete(String learner) {
        return await("record of " + learner).atMost(PIPELINE).pollInterval(Duration.ofMillis(500))
                .until(() -> recognition.get(recordPath(learner)), response -> response.status() == 200
                        && response.body().path("components").size() == CREDENTIALS / LEARNERS)
                .body();
    }

    private JsonNode record(String learner) {
        var response = recognition.get(recordPath(learner));
        assertThat(response.status()).as("record of %s: %s", learner, response.body()).isEqualTo(200);
        assertThat(response.body().path("components").size()).isPositive();
        return response.body();
    }

    private static String recordPath(String learner) {
        return "/api/institutions/eur.nl/learners/" + learner + "/record";
    }

    private static long decisionsStored(LocalStack stack) {
        try (MongoClient client = MongoClients.create(stack.mongoUri())) {
            return client.getDatabase(ServiceProcess.database(ServiceProcess.RECOGNITION)).getCollection("decisions").estimatedDocumentCount();
        }
    }
}
