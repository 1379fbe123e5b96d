package eu.creditbridge.localstack.bench;

import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.contract.RecognitionDecided;
import eu.creditbridge.contract.RecognitionOutcome;
import eu.creditbridge.messaging.serde.ConfluentAvroDeserializer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code creditbridge.decisions} from its end as the operator (no consumer group: partitions assigned, nothing
 * committed) and times each first decision on a credential the bench sent: from the moment it was handed to the
 * producer to the decision record's timestamp (when recognition's relay produced it, the moment a partner could see
 * it). Each credential belongs to one named stream (the burst, the second partner, the steady rate).
 */
final class DecisionWatch implements AutoCloseable {

    private record Sent(String stream, long atMillis) {
    }

    /** What one stream's decisions came to so far. */
    static final class Stream {
        private final Latencies latencies = new Latencies();
        private final AtomicLong decided = new AtomicLong();
        private final AtomicLong counting = new AtomicLong();
        private final AtomicLong lastDecisionAt = new AtomicLong();

        long decided() {
            return decided.get();
        }

        /** Decisions that put credits on the learner's record (recognised, or partially). */
        long counting() {
            return counting.get();
        }

        /** Epoch millis of the latest decision record, 0 before the first. */
        long lastDecisionAt() {
            return lastDecisionAt.get();
        }

        Latencies.Percentiles percentiles() {
            return latencies.percentiles();
        }
    }

    private final Map<String, Sent> awaited = new ConcurrentHashMap<>();
    private final Map<String, Stream> streams = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, SpecificRecord> consumer;
    private final Thread thread;
    private final CountDownLatch positioned = new CountDownLatch(1);
    private volatile boolean closed;
    private volatile Exception failure;

    DecisionWatch(Map<String, Object> adminConfig, String schemaRegistryUrl) {
        Properties config = new Properties();
        config.putAll(adminConfig);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ConfluentAvroDeserializer.class.getName());
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        config.put("schema.registry.url", schemaRegistryUrl);
        this.consumer = new KafkaConsumer<>(config);
        this.thread = new Thread(this::consume, "bench-decisions");
        this.thread.setDaemon(true);
    }

    /** Starts reading from the topic's current end; returns once positioned there. */
    DecisionWatch start() {
        thread.start();
        try {
            if (!positioned.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("could not position a consumer on " + ContractTopic.DECISIONS.topic() + " within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (failure != null) {
            throw new IllegalStateException("cannot read " + ContractTopic.DECISIONS.topic() + ": " + failure.getMessage(), failure);
        }
        return this;
    }

    /** Call just before handing the credential to the producer. */
    void sending(String credentialId, String stream) {
        streams.computeIfAbsent(stream, name -> new Stream());
        awaited.put(credentialId, new Sent(stream, System.currentTimeMillis()));
    }

    Stream stream(String name) {
        return streams.computeIfAbsent(name, n -> new Stream());
    }

    private void consume() {
        try {
            String topic = ContractTopic.DECISIONS.topic();
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);   // resolves the end now, so nothing produced after start() is missed
            positioned.countDown();
            while (!closed) {
                for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() instanceof RecognitionDecided decision) {
                        on(decision, record.timestamp());
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException closing) {
            // close() woke the poll
        } catch (Exception e) {
            failure = e;
        } finally {
            positioned.countDown();
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void on(RecognitionDecided decision, long producedAt) {
        Sent sent = awaited.remove(decision.getCredentialId().toString());
        if (sent == null) {
            return;   // a revision, or a credential of no stream of ours
        }
        Stream stream = streams.get(sent.stream());
        stream.latencies.record(producedAt - sent.atMillis());
        stream.decided.incrementAndGet();
        if (decision.getOutcome() == RecognitionOutcome.RECOGNISED || decision.getOutcome() == RecognitionOutcome.PARTIALLY_RECOGNISED) {
            stream.counting.incrementAndGet();
        }
        stream.lastDecisionAt.accumulateAndGet(producedAt, Math::max);
    }

    /** The consumer's failure, if it stopped reading. */
    void throwIfFailed() {
        if (failure != null) {
            throw new IllegalStateException("reading " + ContractTopic.DECISIONS.topic() + " failed: " + failure.getMessage(), failure);
        }
    }

    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
