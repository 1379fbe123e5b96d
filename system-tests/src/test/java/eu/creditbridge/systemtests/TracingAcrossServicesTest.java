package eu.creditbridge.systemtests;

import static eu.creditbridge.systemtests.Credentials.EQUIVALENT_COURSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.localstack.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * One credential followed the way an operator would follow it: by one trace id, from the issuer's REST call through
 * Kafka and the recognition service back to the issuer — in the records' W3C {@code traceparent} headers, in the
 * services' JSON logs (with the credential and learner ids beside it), and in what Prometheus scrapes.
 */
class TracingAcrossServicesTest {

    private static final Duration PIPELINE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void oneTraceIdFollowsACredentialFromIssueToDecisionThroughHeadersAndJsonLogs() {
        String learner = Credentials.newRotterdamLearner();
        var created = EmbeddedStack.issuer().post("/api/credentials",
                Credentials.lodzCourseResultJson(learner, EQUIVALENT_COURSE, 6));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String credentialId = created.body().path("credentialId").asText();

        String issued = traceId(EmbeddedStack.kafka().awaitRawRecord(ContractTopic.CREDENTIALS.topic(),
                record -> learner.equals(record.key()), PIPELINE));
        String decided = traceId(EmbeddedStack.kafka().awaitRawRecord(ContractTopic.DECISIONS.topic(),
                record -> learner.equals(record.key()), PIPELINE));
        assertThat(decided).as("trace id of the decision record").isEqualTo(issued);

        // Each service logs the step in the credential's trace, with the credential and learner as fields.
        awaitLogLine(ServiceProcess.ISSUER, issued, credentialId, learner, "Issued credential");
        awaitLogLine(ServiceProcess.RECOGNITION, issued, credentialId, learner, "Decided on credential");
        awaitLogLine(ServiceProcess.ISSUER, issued, credentialId, learner, "Decision received");
    }

    @Test
    void outboxBacklogsAndEventsPerTopicAreExportedByEveryService() {
        String learner = Credentials.newRotterdamLearner();
        assertThat(EmbeddedStack.issuer().post("/api/credentials",
                Credentials.lodzCourseResultJson(learner, EQUIVALENT_COURSE, 3)).status()).isEqualTo(201);
        EmbeddedStack.kafka().awaitRawRecord(ContractTopic.DECISIONS.topic(), record -> learner.equals(record.key()), PIPELINE);

        // Counted per topic as the topic is named, from the first record on.
        String issuer = awaitMetrics(EmbeddedStack.get().issuer().url(), "creditbridge_events_produced_total{",
                "topic=\"" + ContractTopic.CREDENTIALS.topic() + "\"");
        assertThat(issuer).contains("creditbridge_events_consumed_total{topic=\"" + ContractTopic.DECISIONS.topic() + "\"}")
                .contains("creditbridge_outbox_backlog{outbox=\"credentials\",service=\"issuer-service\"}")
                .contains("kafka_producer_record_send_total{"); // Kafka's own client metrics beside them

        String recognition = awaitMetrics(EmbeddedStack.get().recognition().url(), "creditbridge_events_produced_total{",
                "topic=\"" + ContractTopic.DECISIONS.topic() + "\"");
        assertThat(recognition).contains("creditbridge_events_consumed_total{topic=\"" + ContractTopic.CREDENTIALS.topic() + "\"}")
                .contains("creditbridge_events_consumed_total{topic=\"" + ContractTopic.INSTITUTIONS.topic() + "\"}")
                .contains("creditbridge_outbox_backlog{outbox=\"decisions\",service=\"recognition-service\"}");

        String registry = awaitMetrics(EmbeddedStack.get().registry().url(), "creditbridge_events_produced_total{",
                "topic=\"" + ContractTopic.INSTITUTIONS.topic() + "\"");
        assertThat(registry).contains("creditbridge_outbox_backlog{outbox=\"registry-changes\",service=\"registry-service\"}");
    }

    /** The trace id of a record's W3C traceparent header ({@code 00-<trace id>-<parent span id>-<flags>}). */
    private static String traceId(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader("traceparent");
        assertThat(header).as("traceparent header on %s-%d@%d", record.topic(), record.partition(), record.offset())
                .isNotNull();
        String[] parts = new String(header.value(), StandardCharsets.UTF_8).split("-");
        assertThat(parts).hasSize(4);
        assertThat(parts[1]).hasSize(32).isNotEqualTo("0".repeat(32));
        return parts[1];
    }

    private static void awaitLogLine(String service, String traceId, String credentialId, String learner, String message) {
        Path log = EmbeddedStack.get().state().logFile(service);
        await(service + " log line '" + message + "' in trace " + traceId).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> jsonLines(log).anyMatch(line -> traceId.equals(line.path("traceId").asText())
                        && credentialId.equals(line.path("credentialId").asText())
                        && learner.equals(line.path("learnerId").asText())
                        && line.path("message").asText().contains(message)));
    }

    /** The log's JSON lines; anything else in it (a JVM warning before logging started) is skipped. */
    private static Stream<JsonNode> jsonLines(Path log) {
        List<String> lines;
        try {
            lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines.stream().filter(line -> line.startsWith("{")).map(line -> {
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                return null; // a line still being written
            }
        }).filter(Objects::nonNull);
    }

    private String awaitMetrics(String serviceUrl, String metric, String tag) {
        return await(metric + tag + " at " + serviceUrl).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> text(serviceUrl + "/actuator/prometheus"),
                        body -> body.lines().anyMatch(line -> line.startsWith(metric) && line.contains(tag)));
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
