package eu.creditbridge.registry.web.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.messaging.config.DeadLetterAutoConfiguration;
import eu.creditbridge.messaging.testing.InProcessKafka;
import eu.creditbridge.registry.RegistrySpringTest;
import eu.creditbridge.registry.config.PipelineSampling;
import eu.creditbridge.registry.messaging.operations.KafkaDeadLetterTopics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator console on a real broker (in-process KRaft) and the in-process MongoDB: the pipeline view with a
 * group's lag, and a dead letter — written with the headers messaging's DeadLetterAutoConfiguration writes — listed,
 * inspected, replayed once, discarded only with a reason, and audited; only operators and admins get in.
 */
@RegistrySpringTest
@TestPropertySource(properties = {
        // The test samples when it needs to, instead of waiting for the schedule.
        "creditbridge.operations.sample-interval=1h",
        // Nothing answers here: a payload that is Avro could not be decoded, and these tests write none.
        "spring.kafka.properties.schema.registry.url=http://127.0.0.1:9/apis/ccompat/v7",
        "management.health.schema-registry.enabled=false"})
class OperatorConsoleTest {

    private static final InProcessKafka KAFKA = startKafka();

    private static final String CREDENTIALS = ContractTopic.CREDENTIALS.topic();
    private static final String CREDENTIALS_DLT = ContractTopic.CREDENTIALS.deadLetterTopic();
    private static final String LEARNER = "urn:schac:personalUniqueCode:int:esi:eur.nl:589834";
    private static final String REASON = "SerializationException: Not in the Confluent wire format: magic byte is 123, expected 0";

    @Autowired
    MockMvc mvc;

    @Autowired
    PipelineSampling sampling;

    @Autowired
    MeterRegistry meters;

    private final JsonMapper json = JsonMapper.builder().build();

    private static InProcessKafka startKafka() {
        InProcessKafka kafka = new InProcessKafka();
        kafka.createTopics(ContractTopic.all().stream()
                .flatMap(t -> Stream.of(t.topic(), t.deadLetterTopic())).toList(), 1);
        return kafka;
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
        // The one class with a broker: it samples the pipeline (off for every other Spring test).
        registry.add("creditbridge.operations.sampling", () -> "true");
    }

    @AfterAll
    static void stop() {
        KAFKA.close();
    }

    @Test
    void pipelineShowsHowFarAGroupIsBehindOnARealBroker() throws Exception {
        long first = produce(CREDENTIALS, LEARNER, "one".getBytes(StandardCharsets.UTF_8), List.of());
        for (int i = 0; i < 4; i++) {
            produce(CREDENTIALS, LEARNER, ("more " + i).getBytes(StandardCharsets.UTF_8), List.of());
        }
        long end = first + 5;
        commit("lag-test-group", CREDENTIALS, first + 2);

        sampling.sampleOnce();

        mvc.perform(get("/api/ops/pipeline").with(httpBasic("operator", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unavailable").doesNotExist())
                .andExpect(jsonPath("$.topics[?(@.topic == 'creditbridge.credentials')].endOffsets[0]").value(hasItem((int) end)))
                .andExpect(jsonPath("$.groups[?(@.groupId == 'lag-test-group')].lags[0].lag").value(hasItem(3)))
                .andExpect(jsonPath("$.groups[?(@.groupId == 'lag-test-group')].lags[0].committed").value(hasItem((int) (first + 2))));
        Gauge lag = meters.find(PipelineSampling.CONSUMER_LAG_METRIC)
                .tags("group", "lag-test-group", "topic", CREDENTIALS, "partition", "0").gauge();
        assertThat(lag).as("creditbridge_consumer_lag{group,topic,partition}").isNotNull();
        assertThat(lag.value()).isEqualTo(3.0);

        mvc.perform(get("/ops").with(user("operator").roles("OPERATOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"pipeline\"")))
                .andExpect(content().string(containsString("hx-trigger=\"every 5s\"")))
                .andExpect(content().string(containsString("data-group=\"lag-test-group\" data-topic=\"creditbridge.credentials\" data-partition=\"0\" data-lag=\"3\"")))
                .andExpect(content().string(containsString("<svg")));
        mvc.perform(get("/ops/pipeline").with(user("operator").roles("OPERATOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-lag=\"3\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("<html"))));
    }

    @Test
    void deadLetterIsListedInspectedReplayedOnceAndAudited() throws Exception {
        byte[] value = "{not avro at all}".getBytes(StandardCharsets.UTF_8);
        long offset = deadLetter(LEARNER, value, 41);
        String id = CREDENTIALS_DLT + ":0:" + offset;
        String path = "/api/ops/dead-letters/" + CREDENTIALS_DLT + "/0/" + offset;
        sampling.sampleOnce();

        mvc.perform(get("/api/ops/dead-letters").with(httpBasic("operator", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].reason").value(hasItem(REASON)))
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].originalOffset").value(hasItem(41)))
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].status").value(hasItem("NEW")));
        mvc.perform(get(path).with(httpBasic("operator", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reason").value(REASON))
                .andExpect(jsonPath("$.origin.topic").value(CREDENTIALS))
                .andExpect(jsonPath("$.origin.consumerGroup").value("recognition-service"))
                .andExpect(jsonPath("$.key").value(LEARNER))
                .andExpect(jsonPath("$.payload.decoded").value(false))
                .andExpect(jsonPath("$.payload.note").value(containsString("Not in the Confluent wire format")))
                .andExpect(jsonPath("$.payload.text").value("{not avro at all}"))
                .andExpect(jsonPath("$.payload.hex").value(containsString("7b 6e 6f 74")))
                .andExpect(jsonPath("$.headers[?(@.name == 'kafka_dlt-original-offset')].value").value(hasItem("41")))
                .andExpect(jsonPath("$.headers[?(@.name == 'ce_id')].deadLettering").value(hasItem(false)));
        mvc.perform(get("/ops/dead-letters/" + CREDENTIALS_DLT + "/0/" + offset).with(user("operator").roles("OPERATOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"dlt-reason\"")))
                .andExpect(content().string(containsString("magic byte is 123")))
                .andExpect(content().string(containsString("id=\"dlt-headers\"")))
                .andExpect(content().string(containsString("id=\"dlt-payload\"")))
                .andExpect(content().string(containsString("id=\"replay\"")))
                .andExpect(content().string(containsString("id=\"discard-reason\"")));

        String replayed = mvc.perform(post(path + "/replay").with(httpBasic("operator", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"fixed the schema\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replayedTo.topic").value(CREDENTIALS))
                .andReturn().getResponse().getContentAsString();
        long replayedOffset = json.readTree(replayed).path("replayedTo").path("offset").asLong();

        ConsumerRecord<byte[], byte[]> record = read(CREDENTIALS, replayedOffset);
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(LEARNER);
        assertThat(record.value()).isEqualTo(value);
        assertThat(record.headers().lastHeader("ce_id").value()).isEqualTo("event-17".getBytes(StandardCharsets.UTF_8));
        assertThat(record.headers().lastHeader(DeadLetterAutoConfiguration.REASON_HEADER)).isNull();
        assertThat(record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET)).isNull();
        assertThat(new String(record.headers().lastHeader(KafkaDeadLetterTopics.REPLAY_OF_HEADER).value(),
                StandardCharsets.UTF_8)).isEqualTo(id);

        mvc.perform(post(path + "/replay").with(httpBasic("operator", "demo")))
                .andExpect(status().isConflict())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.type").value("urn:creditbridge:problem:conflict"))
                .andExpect(jsonPath("$.status").value("REPLAYED"));
        mvc.perform(post(path + "/replay?force=true").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.action.forced").value(true));

        mvc.perform(get("/api/ops/audit").with(httpBasic("operator", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.deadLetter == '" + id + "' && @.operator == 'operator')].act").value(hasItem("REPLAYED")))
                .andExpect(jsonPath("$[?(@.deadLetter == '" + id + "' && @.operator == 'operator')].reason").value(hasItem("fixed the schema")))
                .andExpect(jsonPath("$[?(@.deadLetter == '" + id + "' && @.operator == 'admin')].forced").value(hasItem(true)));
        mvc.perform(get(path).with(httpBasic("operator", "demo"))).andExpect(jsonPath("$.status").value("REPLAYED"));
        mvc.perform(get("/ops/audit").with(user("operator").roles("OPERATOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"ops-audit\"")))
                .andExpect(content().string(containsString(id)));
    }

    @Test
    void operatorReplaysFromTheInspectPageAndASecondReplayIsRefused() throws Exception {
        long offset = deadLetter(LEARNER, "still not avro".getBytes(StandardCharsets.UTF_8), 77);
        String page = "/ops/dead-letters/" + CREDENTIALS_DLT + "/0/" + offset;
        sampling.sampleOnce();

        mvc.perform(get("/ops").with(user("operator").roles("OPERATOR")))
                .andExpect(content().string(containsString("id=\"dead-letter-list\"")))
                .andExpect(content().string(containsString("data-dlt-offset=\"" + CREDENTIALS_DLT + ":0:" + offset + "\"")))
                .andExpect(content().string(containsString("href=\"" + page + "\"")));
        mvc.perform(post(page + "/replay").with(user("operator").roles("OPERATOR")).with(csrf()))
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("flash", containsString("Replayed to " + CREDENTIALS)));
        mvc.perform(post(page + "/replay").with(user("operator").roles("OPERATOR")).with(csrf()))
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("flashKind", "error"))
                .andExpect(flash().attribute("flash", containsString("already replayed")));
        mvc.perform(post(page + "/replay").with(user("operator").roles("OPERATOR")))
                .andExpect(status().isForbidden());
    }

    @Test
    void discardNeedsAReasonAndIsAudited() throws Exception {
        long offset = deadLetter("urn:schac:personalUniqueCode:int:esi:ucc.ie:1", new byte[] {0, 0, 0, 0, 7, 1, 2}, 5);
        String id = CREDENTIALS_DLT + ":0:" + offset;
        String path = "/api/ops/dead-letters/" + CREDENTIALS_DLT + "/0/" + offset;

        mvc.perform(post(path + "/discard").with(httpBasic("operator", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"  \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:creditbridge:problem:invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(get(path).with(httpBasic("operator", "demo"))).andExpect(jsonPath("$.status").value("NEW"));

        mvc.perform(post(path + "/discard").with(httpBasic("operator", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"test record from a partner's staging system\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.act").value("DISCARDED"));
        mvc.perform(get(path).with(httpBasic("operator", "demo")))
                .andExpect(jsonPath("$.status").value("DISCARDED"))
                .andExpect(jsonPath("$.history[0].reason").value("test record from a partner's staging system"))
                .andExpect(jsonPath("$.history[0].operator").value("operator"));
        mvc.perform(post(path + "/replay").with(httpBasic("operator", "demo"))).andExpect(status().isConflict());
        mvc.perform(get("/api/ops/audit").with(httpBasic("admin", "demo")))
                .andExpect(jsonPath("$[?(@.deadLetter == '" + id + "')].act").value(hasItem("DISCARDED")));

        mvc.perform(get("/api/ops/dead-letters/" + CREDENTIALS_DLT + "/0/999999").with(httpBasic("operator", "demo")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:creditbridge:problem:not-found"));
        mvc.perform(get("/api/ops/dead-letters/creditbridge.credentials/0/1").with(httpBasic("operator", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("deadLetter"));
    }

    @Test
    void onlyOperatorsAndAdminsGetInWhileTheRegistryApiStaysOpen() throws Exception {
        mvc.perform(get("/ops")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        // The pipeline's refresh after the session expired: the whole page goes to sign-in, not just the section.
        mvc.perform(get("/ops/pipeline").header("HX-Request", "true"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/login"));
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"username\"")))
                .andExpect(content().string(containsString("id=\"password\"")))
                .andExpect(content().string(containsString("id=\"login\"")));
        mvc.perform(post("/login").with(csrf()).param("username", "operator").param("password", "demo"))
                .andExpect(redirectedUrl("/ops"));
        mvc.perform(post("/login").with(csrf()).param("username", "operator").param("password", "wrong"))
                .andExpect(redirectedUrl("/login?error"));

        mvc.perform(get("/api/ops/pipeline"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")));
        mvc.perform(get("/api/ops/pipeline").with(httpBasic("registrar@eur.nl", "demo")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:creditbridge:problem:forbidden"));
        mvc.perform(get("/ops").with(user("registrar@eur.nl").roles("REGISTRAR"))).andExpect(status().isForbidden());
        mvc.perform(get("/ops/audit").with(user("admin").roles("ADMIN"))).andExpect(status().isOk());
        mvc.perform(get("/api/ops/pipeline").with(httpBasic("admin", "demo"))).andExpect(status().isOk());

        mvc.perform(get("/api/institutions")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health")).andExpect(status().is(org.hamcrest.Matchers.oneOf(200, 503)));
    }

    @Test
    void moreDeadLettersThanAPageArePagedNewestFirst() throws Exception {
        for (int i = 0; i < 52; i++) {
            deadLetter(LEARNER, ("page " + i).getBytes(StandardCharsets.UTF_8), 1_000 + i);
        }
        sampling.sampleOnce();

        JsonNode all = json.readTree(mvc.perform(get("/api/ops/dead-letters").param("limit", "500").with(httpBasic("operator", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        JsonNode page = json.readTree(mvc.perform(get("/api/ops/dead-letters").param("limit", "2").param("skip", "1")
                        .with(httpBasic("operator", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page).hasSize(2);
        assertThat(page.get(0).get("id").asString()).isEqualTo(all.get(1).get("id").asString());
        assertThat(page.get(1).get("id").asString()).isEqualTo(all.get(2).get("id").asString());

        mvc.perform(get("/ops/dead-letters").with(user("operator").roles("OPERATOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Showing 1–50 of " + all.size())))
                .andExpect(content().string(containsString("id=\"older\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"newer\""))));
        mvc.perform(get("/ops/dead-letters").param("page", "1").with(user("operator").roles("OPERATOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Showing 51–")))
                .andExpect(content().string(containsString("id=\"newer\"")))
                .andExpect(content().string(containsString(all.get(50).get("id").asString())));
    }

    /** Writes a dead letter as messaging's DeadLetterAutoConfiguration (Spring's DeadLetterPublishingRecoverer) does. */
    private long deadLetter(String key, byte[] value, long originalOffset) {
        List<RecordHeader> headers = new ArrayList<>();
        headers.add(new RecordHeader("ce_id", "event-17".getBytes(StandardCharsets.UTF_8)));
        headers.add(new RecordHeader("ce_type", "eu.creditbridge.contract.CredentialIssued".getBytes(StandardCharsets.UTF_8)));
        headers.add(new RecordHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC, CREDENTIALS.getBytes(StandardCharsets.UTF_8)));
        headers.add(new RecordHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(0).array()));
        headers.add(new RecordHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(originalOffset).array()));
        headers.add(new RecordHeader(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP,
                ByteBuffer.allocate(8).putLong(System.currentTimeMillis() - 60_000).array()));
        headers.add(new RecordHeader(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, "recognition-service".getBytes(StandardCharsets.UTF_8)));
        headers.add(new RecordHeader(KafkaHeaders.DLT_EXCEPTION_FQCN,
                "org.springframework.kafka.listener.ListenerExecutionFailedException".getBytes(StandardCharsets.UTF_8)));
        headers.add(new RecordHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE, "Listener failed".getBytes(StandardCharsets.UTF_8)));
        headers.add(new RecordHeader(DeadLetterAutoConfiguration.REASON_HEADER, REASON.getBytes(StandardCharsets.UTF_8)));
        return produce(CREDENTIALS_DLT, key, value, headers);
    }

    private static long produce(String topic, String key, byte[] value, List<RecordHeader> headers) {
        try (var producer = new KafkaProducer<byte[], byte[]>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KAFKA.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            var record = new ProducerRecord<>(topic, 0, key.getBytes(StandardCharsets.UTF_8), value);
            headers.forEach(record.headers()::add);
            return producer.send(record).get().offset();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void commit(String group, String topic, long offset) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, group),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(offset)));
        }
    }

    private static ConsumerRecord<byte[], byte[]> read(String topic, long offset) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seek(partition, offset);
            List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(found::add);
                return found.stream().anyMatch(r -> r.offset() == offset);
            });
            return found.stream().filter(r -> r.offset() == offset).findFirst().orElseThrow();
        }
    }
}
