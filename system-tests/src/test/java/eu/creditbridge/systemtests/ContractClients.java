package eu.creditbridge.systemtests;

import eu.creditbridge.messaging.serde.ConfluentAvroDeserializer;
import eu.creditbridge.messaging.serde.ConfluentAvroSerializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/**
 * Kafka clients as a partner in any language would use them: Confluent wire format through the registry, signed in to
 * the broker as one of its principals (the fixtures' default is the bootstrap admin, who may write and read any topic;
 * {@link EmbeddedStack#kafkaAsPartner} signs in as a partner issuer, who may only write credentials).
 */
final class ContractClients {

    private final Map<String, Object> kafkaConfig;
    private final String registryUrl;

    ContractClients(Map<String, Object> kafkaConfig, String registryUrl) {
        this.kafkaConfig = Map.copyOf(kafkaConfig);
        this.registryUrl = registryUrl;
    }

    /** Sends a contract record and waits for the broker's ack. */
    void send(String topic, String key, SpecificRecord value) {
        try (var producer = new KafkaProducer<String, SpecificRecord>(producerConfig(),
                new StringSerializer(), serializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot send to " + topic, e);
        }
    }

    /** Sends many contract records with one producer, keyed by {@code key}, and waits for the broker's acks. */
    <V extends SpecificRecord> void sendAll(String topic, java.util.Collection<V> values, java.util.function.Function<V, String> key) {
        try (var producer = new KafkaProducer<String, SpecificRecord>(producerConfig(),
                new StringSerializer(), serializer())) {
            var acks = values.stream().map(value -> producer.send(new ProducerRecord<>(topic, key.apply(value), value))).toList();
            for (var ack : acks) {
                ack.get(60, TimeUnit.SECONDS);
            }
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot send to " + topic, e);
        }
    }

    /** Sends raw bytes (anything at all) and waits for the broker's ack. */
    void sendBytes(String topic, String key, byte[] value) {
        sendBytes(topic, key, value, Map.of());
    }

    /** Sends raw bytes with the given headers (UTF-8 text) and waits for the broker's ack. */
    void sendBytes(String topic, String key, byte[] value, Map<String, String> headers) {
        try (var producer = new KafkaProducer<String, byte[]>(producerConfig(),
                new StringSerializer(), new ByteArraySerializer())) {
            var record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, text) -> record.headers().add(name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot send to " + topic, e);
        }
    }

    /** Reads a topic from the beginning, as raw bytes, until a record matches; fails after the timeout. */
    ConsumerRecord<String, byte[]> awaitRawRecord(String topic, Predicate<ConsumerRecord<String, byte[]>> wanted,
            Duration timeout) {
        try (var consumer = new KafkaConsumer<String, byte[]>(consumerConfig(),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            Awaitility.await("a record on " + topic).atMost(timeout).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (wanted.test(record)) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }

    /** Every record on a topic right now, from the beginning to the end offsets, as raw bytes. */
    List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        try (var consumer = new KafkaConsumer<String, byte[]>(consumerConfig(),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            Awaitility.await("all of " + topic).atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
            return records;
        }
    }

    /** Reads a topic from the beginning, decoded, until a record matches; fails after the timeout. */
    ConsumerRecord<String, SpecificRecord> awaitRecord(String topic,
            Predicate<ConsumerRecord<String, SpecificRecord>> wanted, Duration timeout) {
        var deserializer = new ConfluentAvroDeserializer();
        deserializer.configure(Map.of("schema.registry.url", registryUrl), false);
        try (var consumer = new KafkaConsumer<String, SpecificRecord>(consumerConfig(),
                new StringDeserializer(), deserializer)) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, SpecificRecord>> found = new ArrayList<>();
            Awaitility.await("a record on " + topic).atMost(timeout).until(() -> {
                try {
                    consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                        if (wanted.test(record)) {
                            found.add(record);
                        }
                    });
                } catch (RecordDeserializationException e) {
                    // As every reader of the contract does: what cannot be read is passed over (TrustTopicPoisonTest
                    // leaves such records on the shared stack's trust topics).
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                }
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }

    private ConfluentAvroSerializer serializer() {
        var serializer = new ConfluentAvroSerializer();
        serializer.configure(Map.of("schema.registry.url", registryUrl, "cloudevents.source", "/system-tests"), false);
        return serializer;
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // A refused write (no ACL) fails at once instead of retrying until the delivery timeout.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        return config;
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "system-tests-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return config;
    }
}
