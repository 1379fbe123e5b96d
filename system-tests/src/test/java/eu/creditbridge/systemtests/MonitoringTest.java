package eu.creditbridge.systemtests;

import static eu.creditbridge.systemtests.Credentials.EQUIVALENT_COURSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import eu.creditbridge.contract.ContractTopic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an operator's Prometheus and health checks see of the three services once a credential has flowed. */
class MonitoringTest {

    private static final Duration PIPELINE = Duration.ofSeconds(90);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void recognisedCredentialIsCountedInTheRecognitionServicesPrometheusMetrics() {
        String learner = Credentials.newRotterdamLearner();
        var created = EmbeddedStack.issuer().post("/api/credentials",
                Credentials.lodzCourseResultJson(learner, EQUIVALENT_COURSE, 6));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);

        String recognitionUrl = EmbeddedStack.get().recognition().url();
        String metrics = await("creditbridge_decisions_total in /actuator/prometheus").atMost(PIPELINE)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> text(recognitionUrl + "/actuator/prometheus"),
                        body -> body.lines().anyMatch(line -> line.startsWith("creditbridge_decisions_total{")
                                && line.contains("outcome=\"RECOGNISED\"")));

        assertThat(metrics).contains("creditbridge_recognition_latency_seconds_bucket");
    }

    @Test
    void deadLetteredRecordIsCountedPerSourceTopic() {
        String learner = Credentials.newRotterdamLearner();
        EmbeddedStack.kafka().sendBytes(ContractTopic.CREDENTIALS.topic(), learner,
                "not avro at all".getBytes(StandardCharsets.UTF_8));

        String recognitionUrl = EmbeddedStack.get().recognition().url();
        await("creditbridge_dead_letters_total in /actuator/prometheus").atMost(PIPELINE)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> text(recognitionUrl + "/actuator/prometheus"),
                        body -> body.lines().anyMatch(line -> line.startsWith("creditbridge_dead_letters_total{")
                                && line.contains("topic=\"" + ContractTopic.CREDENTIALS.topic() + "\"")));
    }

    @Test
    void everyServiceReportsKafkaSchemaRegistryAndMongoUp() {
        Map<String, JsonApi> services = Map.of(
                "issuer-service", EmbeddedStack.issuer(),
                "registry-service", EmbeddedStack.registry(),
                "recognition-service", EmbeddedStack.recognition());
        services.forEach((name, api) -> {
            var health = api.get("/actuator/health");
            JsonNode components = health.body().path("components");
            for (String component : new String[] {"kafka", "schemaRegistry", "mongo"}) {
                assertThat(components.path(component).path("status").asText())
                        .as("%s %s in %s", name, component, health.body())
                        .isEqualTo("UP");
            }
        });
    }

    private String text(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
