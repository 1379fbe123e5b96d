package eu.creditbridge.messaging.monitoring;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Counts the records a producer got acknowledged by the broker, per topic, in {@value EventCounters#PRODUCED}: a
 * send that failed is not counted (the outbox sends it again). See {@link EventCounters}.
 */
public class ProducedEventsCounter implements ProducerInterceptor<Object, Object> {

    private EventCounters counters;

    @Override
    public void configure(Map<String, ?> configs) {
        counters = new EventCounters(configs, EventCounters.PRODUCED, "Records acknowledged by the broker per topic");
    }

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        if (exception == null && metadata != null) {
            counters.increment(metadata.topic(), 1);
        }
    }

    @Override
    public void close() {
    }
}
