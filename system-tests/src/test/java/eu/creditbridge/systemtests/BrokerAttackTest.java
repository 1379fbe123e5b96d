package eu.creditbridge.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import eu.creditbridge.localstack.LocalStack;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The broker's doors ({@code broker-attack-table.psv}): SASL and the standard authorizer with
 * {@code allow.everyone.if.no.acl.found=false}, played row by row against the shared stack's real broker. The table
 * says what; this class only plays it.
 */
class BrokerAttackTest {

    /** How long a client may try before its attempt counts as refused: the broker answers a refusal at once. */
    private static final Duration ATTEMPT = Duration.ofSeconds(8);

    record Row(String who, String action, String topic, String expect) {
        @Override
        public String toString() {
            return who + " " + action + " " + topic + " -> " + expect;
        }
    }

    @BeforeAll
    static void aPartnerExistsAsItsAllianceAdminWouldCreateIt() {
        EmbeddedStack.get().addPartner("uzh.ch");
    }

    static Stream<Row> rows() throws IOException {
        try (var in = new BufferedReader(new InputStreamReader(
                BrokerAttackTest.class.getResourceAsStream("/broker-attack-table.psv"), StandardCharsets.UTF_8))) {
            return in.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).map(line -> line.split("\\|"))
                    .map(cells -> new Row(cells[0].trim(), cells[1].trim(), cells[2].trim(), cells[3].trim())).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void theBrokerLetsThroughOnlyWhomTheTableAllows(Row row) throws Exception {
        long before = endOffsets(row.topic());

        boolean succeeded = switch (row.action()) {
            case "write" -> write(config(row.who()), row.topic());
            case "read" -> read(config(row.who()), row.topic(), null);
            default -> {
                if (!row.action().startsWith("read-in-group:")) {
                    throw new IllegalArgumentException("unknown action " + row.action());
                }
                yield read(config(row.who()), row.topic(), row.action().substring("read-in-group:".length()));
            }
        };

        assertThat(succeeded).as(row.toString()).isEqualTo(row.expect().equals("allowed"));
        if (row.expect().equals("refused")) {
            assertThat(endOffsets(row.topic())).as("records on " + row.topic() + " after: " + row).isEqualTo(before);
        }
    }

    private static Map<String, Object> config(String who) {
        LocalStack stack = EmbeddedStack.get();
        Map<String, Object> config = new HashMap<>();
        if (who.equals("nobody")) {
            config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        } else if (who.startsWith("wrong-password:")) {
            String principal = who.substring("wrong-password:".length());
            config.putAll(stack.kafkaClientConfig(principal));
            config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                    + principal + "\" password=\"guessed\";");
        } else {
            config.putAll(stack.kafkaClientConfig(who));
        }
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, "broker-attack-" + who);
        return config;
    }

    private static boolean write(Map<String, Object> config, String topic) {
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) ATTEMPT.toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) ATTEMPT.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ATTEMPT.toMillis() / 2);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        try (var producer = new KafkaProducer<byte[], byte[]>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "intruder".getBytes(StandardCharsets.UTF_8),
                    "not a contract record".getBytes(StandardCharsets.UTF_8))).get(ATTEMPT.toSeconds() * 2, TimeUnit.SECONDS);
            return true;
        } catch (Exception refused) {
            return false;
        }
    }

    /** Reads from the start; success is the broker answering a poll (even with no records) without refusing. */
    private static boolean read(Map<String, Object> config, String topic, String group) {
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ATTEMPT.toMillis());
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ATTEMPT.toMillis() / 2);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        if (group != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            // never a member for long: a refused join must not be retried, an allowed one must not rebalance a service
            config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "broker-attack-" + UUID.randomUUID());
        }
        try (var consumer = new KafkaConsumer<byte[], byte[]>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            if (group != null) {
                consumer.subscribe(List.of(topic));
                consumer.poll(ATTEMPT);
                return !consumer.assignment().isEmpty();
            }
            List<TopicPartition> partitions = consumer.partitionsFor(topic, ATTEMPT).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            consumer.poll(Duration.ofSeconds(2));
            partitions.forEach(consumer::position);
            return true;
        } catch (Exception refused) {
            return false;
        }
    }

    private static long endOffsets(String topic) throws Exception {
        try (Admin admin = Admin.create(EmbeddedStack.get().kafkaAdminConfig())) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream().mapToLong(o -> o.offset()).sum();
        }
    }
}
