package eu.creditbridge.messaging.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class EventCountersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void recordsReceivedAreCountedPerTopicAsTheTopicIsNamed() {
        var counter = new ConsumedEventsCounter();
        counter.configure(Map.of(EventCounters.METER_REGISTRY_CONFIG, registry));
        var credentials0 = new TopicPartition("creditbridge.credentials", 0);
        var credentials1 = new TopicPartition("creditbridge.credentials", 1);
        var rulesets = new TopicPartition("creditbridge.registry.rulesets", 0);

        counter.onConsume(new ConsumerRecords<>(Map.of(
                credentials0, List.of(record(credentials0, 0), record(credentials0, 1)),
                credentials1, List.of(record(credentials1, 0)),
                rulesets, List.of(record(rulesets, 7))), Map.of()));

        assertThat(registry.get("creditbridge.events.consumed").tag("topic", "creditbridge.credentials").counter().count())
                .isEqualTo(3.0);
        assertThat(registry.get("creditbridge.events.consumed").tag("topic", "creditbridge.registry.rulesets").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void onlyRecordsTheBrokerAcknowledgedCountAsProduced() {
        var counter = new ProducedEventsCounter();
        counter.configure(Map.of(EventCounters.METER_REGISTRY_CONFIG, registry));
        var decisions = new TopicPartition("creditbridge.decisions", 2);

        counter.onAcknowledgement(new RecordMetadata(decisions, 10, 0, 0, 3, 120), null);
        counter.onAcknowledgement(new RecordMetadata(decisions, -1, 0, 0, 3, 120), new IllegalStateException("broker down"));

        assertThat(registry.get("creditbridge.events.produced").tag("topic", "creditbridge.decisions").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void theCounterJoinsInterceptorsAClientHasAlreadyOnce() {
        Map<String, Object> config = new HashMap<>(Map.of(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG, "com.example.Audit"));

        EventCounters.withInterceptor(config, ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG, ConsumedEventsCounter.class, registry);
        EventCounters.withInterceptor(config, ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG, ConsumedEventsCounter.class, registry);

        assertThat(config.get(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG))
                .isEqualTo(List.of("com.example.Audit", ConsumedEventsCounter.class));
        assertThat(config.get(EventCounters.METER_REGISTRY_CONFIG)).isSameAs(registry);
    }

    private static ConsumerRecord<Object, Object> record(TopicPartition partition, long offset) {
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset, "key", "value");
    }
}
