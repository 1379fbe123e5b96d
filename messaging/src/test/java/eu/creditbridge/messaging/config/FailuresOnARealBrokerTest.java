package eu.creditbridge.messaging.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.MongoTimeoutException;
import eu.creditbridge.messaging.PermanentFailure;
import eu.creditbridge.messaging.config.RetryPolicy.Kind;
import eu.creditbridge.messaging.serde.ConfluentAvroDeserializer;
import eu.creditbridge.messaging.serde.ConfluentWireFormat;
import eu.creditbridge.messaging.testing.InProcessKafka;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * The shared error handler on a real broker: an outage is waited out and nothing is dead-lettered; a permanent
 * failure is dead-lettered at once with its reason and the partition moves on; anything else leaves after its retries.
 */
class FailuresOnARealBrokerTest {

    private static InProcessKafka kafka;

    /** Short waits so the scenarios take a second, not minutes; the shape is the production one. */
    private final RetryPolicy policy = new RetryPolicy(new Binder(new MapConfigurationPropertySource(Map.of(
            "creditbridge.messaging.retry.attempts", "2",
            "creditbridge.messaging.retry.initial-interval", "50ms",
            "creditbridge.messaging.retry.max-interval", "100ms",
            "creditbridge.messaging.retry.outage.initial-interval", "50ms",
            "creditbridge.messaging.retry.outage.max-interval", "200ms")))
            .bindOrCreate("creditbridge.messaging.retry", RetryProperties.class));

    private final List<ConcurrentMessageListenerContainer<String, Object>> containers = new ArrayList<>();
    private final List<KafkaTemplate<Object, Object>> deadLetterTemplates = new ArrayList<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final List<String> processed = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startBroker() {
        kafka = new InProcessKafka();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @AfterEach
    void stopContainers() {
        containers.forEach(ConcurrentMessageListenerContainer::stop);
        deadLetterTemplates.forEach(template -> ((DefaultKafkaProducerFactory<?, ?>) template.getProducerFactory()).destroy());
    }

    @Test
    void outageIsRetriedPastTheRetryBudgetUntilItEndsAndNothingIsDeadLettered() {
        String topic = topic("outage");
        listen(topic, record -> {
            // MongoDB down for the first six deliveries of "a": three times the budget of an unknown failure.
            if (record.key().equals("a") && attempt(record) <= 6) {
                throw new DataAccessResourceFailureException("Timed out waiting for a server",
                        new MongoTimeoutException("No server chosen by WritableServerSelector"));
            }
            processed.add(record.key());
        });

        send(topic, "a", "first");
        send(topic, "b", "second");

        await().atMost(Duration.ofSeconds(30)).until(() -> processed.equals(List.of("a", "b")));
        assertThat(attempts.get("a").get()).isEqualTo(7);
        assertThat(deadLetters(topic)).isEmpty();
    }

    @Test
    void permanentFailureGoesToTheDeadLetterTopicAtOnceWithItsReasonAndTheNextRecordIsProcessed() {
        String topic = topic("permanent");
        listen(topic, record -> {
            attempt(record);
            if (record.key().equals("poison")) {
                throw new PermanentFailure("Receiving institution nowhere.example is not in the alliance registry");
            }
            processed.add(record.key());
        });

        send(topic, "poison", "credential for an unknown institution");
        send(topic, "good", "credential");

        await().atMost(Duration.ofSeconds(30)).until(() -> processed.contains("good"));
        List<ConsumerRecord<byte[], byte[]>> deadLetters = awaitDeadLetters(topic, 1);
        assertThat(attempts.get("poison").get()).isEqualTo(1);
        var deadLetter = deadLetters.get(0);
        assertThat(new String(deadLetter.key(), StandardCharsets.UTF_8)).isEqualTo("poison");
        assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo("credential for an unknown institution");
        assertThat(header(deadLetter, DeadLetterAutoConfiguration.REASON_HEADER))
                .isEqualTo("PermanentFailure: Receiving institution nowhere.example is not in the alliance registry");
        assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(topic);
    }

    @Test
    void unknownFailureLeavesThePartitionAfterItsRetries() {
        String topic = topic("unknown");
        listen(topic, record -> {
            attempt(record);
            if (record.key().equals("stuck")) {
                throw new IllegalStateException("a bug that no retry mends");
            }
            processed.add(record.key());
        });

        send(topic, "stuck", "x");
        send(topic, "next", "y");

        await().atMost(Duration.ofSeconds(30)).until(() -> processed.contains("next"));
        assertThat(attempts.get("stuck").get()).isEqualTo(1 + 2);
        assertThat(header(awaitDeadLetters(topic, 1).get(0), DeadLetterAutoConfiguration.REASON_HEADER))
                .isEqualTo("IllegalStateException: a bug that no retry mends");
    }

    @Test
    void valueWaitingForAnUnreachableSchemaRegistryIsRetriedNotDeadLetteredAsUnreadable() throws IOException {
        String topic = topic("registry-down");
        List<Kind> failures = new CopyOnWriteArrayList<>();
        Map<String, Object> avroValues = Map.of(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class,
                ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, ConfluentAvroDeserializer.class,
                "schema.registry.url", "http://127.0.0.1:" + closedPort());
        listen(topic, record -> processed.add(record.key()), avroValues, new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
                failures.add(policy.classify(failure));
            }
        });

        kafka(topic, "learner-1", ConfluentWireFormat.frame(1, new byte[] {2, 4, 6}));

        await().atMost(Duration.ofSeconds(30)).until(() -> failures.size() >= 4);
        assertThat(failures).containsOnly(Kind.OUTAGE);
        assertThat(processed).isEmpty();
        assertThat(deadLetters(topic)).isEmpty();
    }

    private String topic(String name) {
        String topic = "test." + name;
        kafka.createTopics(List.of(topic, topic + ".dlt"), 1);
        return topic;
    }

    private int attempt(ConsumerRecord<String, Object> record) {
        return attempts.computeIfAbsent(record.key(), key -> new AtomicInteger()).incrementAndGet();
    }

    private void listen(String topic, MessageListener<String, Object> listener) {
        listen(topic, listener, Map.of(), null);
    }

    private void listen(String topic, MessageListener<String, Object> listener, Map<String, Object> extra,
            RetryListener retries) {
        Map<String, Object> consumer = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, topic + "-group",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        consumer.putAll(extra);
        var properties = new ContainerProperties(topic);
        properties.setMessageListener(listener);
        var container = new ConcurrentMessageListenerContainer<String, Object>(
                new DefaultKafkaConsumerFactory<>(consumer), properties);
        var deadLetters = deadLetterTemplate();
        deadLetterTemplates.add(deadLetters);
        DefaultErrorHandler handler = DeadLetterAutoConfiguration.errorHandler(deadLetters, policy, null);
        if (retries != null) {
            handler.setRetryListeners(retries);
        }
        container.setCommonErrorHandler(handler);
        container.start();
        containers.add(container);
    }

    private static KafkaTemplate<Object, Object> deadLetterTemplate() {
        return DeadLetterAutoConfiguration.deadLetterTemplate(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                // Dead letters of these tests are raw bytes; the Avro half of the template never calls the registry.
                "schema.registry.url", "http://127.0.0.1:1")));
    }

    private static void send(String topic, String key, String value) {
        kafka(topic, key, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void kafka(String topic, String key, byte[] value) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> awaitDeadLetters(String topic, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters(topic), letters -> letters.size() >= count);
    }

    /** Everything in {@code <topic>.dlt} so far. */
    private static List<ConsumerRecord<byte[], byte[]>> deadLetters(String topic) {
        var partition = new TopicPartition(topic + ".dlt", 0);
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<ConsumerRecord<byte[], byte[]>> letters = new ArrayList<>();
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(letters::add);
            }
            return letters;
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
