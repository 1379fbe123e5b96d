package eu.creditbridge.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import eu.creditbridge.messaging.testing.InProcessKafka;
import eu.creditbridge.messaging.tracing.OutboxTrace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** The one send-and-confirm publisher on a real KRaft broker in this JVM. */
class KafkaBatchPublisherTest {

    private static final String TOPIC = "outbox-test";

    private static InProcessKafka kafka;
    private final List<DefaultKafkaProducerFactory<String, String>> factories = new ArrayList<>();

    @BeforeAll
    static void startBroker() {
        kafka = new InProcessKafka();
        kafka.createTopics(List.of(TOPIC), 3);
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @AfterEach
    void closeProducers() {
        factories.forEach(DefaultKafkaProducerFactory::destroy);
    }

    private KafkaTemplate<String, String> template(String bootstrapServers, Map<String, Object> extra) {
        var config = new java.util.HashMap<String, Object>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all"));
        config.putAll(extra);
        var factory = new DefaultKafkaProducerFactory<String, String>(config);
        factories.add(factory);
        return new KafkaTemplate<>(factory);
    }

    /** Records which trace each send ran in, as the real tracer would put it in scope. */
    static final class RecordingTrace implements OutboxTrace {
        final List<String> continuedFor = new ArrayList<>();

        @Override
        public Optional<String> current() {
            return Optional.empty();
        }

        @Override
        public <T> T continued(String traceParent, String spanName, Supplier<T> work) {
            continuedFor.add(traceParent + " " + spanName);
            return work.get();
        }
    }

    @Test
    void aBatchIsSentTogetherConfirmedOnceAndArrivesInOrderPerKey() {
        String run = UUID.randomUUID().toString();
        var trace = new RecordingTrace();
        var publisher = new KafkaBatchPublisher<>(template(kafka.bootstrapServers(), Map.of()), Duration.ofSeconds(10), trace);
        List<OutboxMessage<String>> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            batch.add(new OutboxMessage<>(TOPIC, "learner-" + (i % 5), run + ":" + i, i == 0 ? "00-trace-span-01" : null));
        }

        var confirmation = publisher.publish(batch);

        assertThat(confirmation.complete()).isTrue();
        assertThat(confirmation.firstFailure()).isEmpty();
        assertThat(trace.continuedFor).as("only the message with a writer's trace continues it")
                .containsExactly("00-trace-span-01 publish " + TOPIC);
        var received = readAll(run, 50);
        for (int learner = 0; learner < 5; learner++) {
            String key = "learner-" + learner;
            assertThat(received.stream().filter(r -> r.key().equals(key)).map(r -> Integer.parseInt(r.value().split(":")[1])))
                    .as("records of %s in the order given", key)
                    .isSorted()
                    .hasSize(10);
        }
    }

    @Test
    void aRecordTheBrokerRefusesFailsAloneTheOthersAreConfirmed() {
        String run = UUID.randomUUID().toString();
        var publisher = new KafkaBatchPublisher<>(template(kafka.bootstrapServers(), Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4096)),
                Duration.ofSeconds(10), OutboxTrace.NONE);

        var confirmation = publisher.publish(List.of(
                OutboxMessage.of(TOPIC, "anna", run + ":0"),
                OutboxMessage.of(TOPIC, "ben", run + ":1" + "x".repeat(10_000)),
                OutboxMessage.of(TOPIC, "carl", run + ":2")));

        assertThat(confirmation.confirmed(0)).isTrue();
        assertThat(confirmation.confirmed(1)).isFalse();
        assertThat(confirmation.confirmed(2)).isTrue();
        assertThat(confirmation.firstFailure().orElseThrow()).hasRootCauseInstanceOf(org.apache.kafka.common.errors.RecordTooLargeException.class);
        assertThat(readAll(run, 2)).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("anna", "carl");
    }

    @Test
    void withNoBrokerNothingIsConfirmedAndTheWaitIsBounded() {
        int closedPort = freePort();
        var publisher = new KafkaBatchPublisher<>(template("127.0.0.1:" + closedPort,
                Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 300)), Duration.ofSeconds(2), OutboxTrace.NONE);
        long started = System.nanoTime();

        var confirmation = publisher.publish(List.of(OutboxMessage.of(TOPIC, "anna", "a"), OutboxMessage.of(TOPIC, "ben", "b")));

        assertThat(confirmation.count()).isZero();
        assertThat(confirmation.firstFailure()).isPresent();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
    }

    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** This run's records on the topic (earlier tests' records are skipped by their run prefix). */
    private static List<ConsumerRecord<String, String>> readAll(String run, int expected) {
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + run,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.value().startsWith(run + ":")) {
                        received.add(record);
                    }
                });
            }
        }
        return received;
    }
}
