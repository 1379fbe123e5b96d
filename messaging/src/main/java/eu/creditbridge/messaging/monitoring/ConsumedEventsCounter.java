package eu.creditbridge.messaging.monitoring;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Counts the records a consumer receives, per topic, in {@value EventCounters#CONSUMED}. See {@link EventCounters}. */
public class ConsumedEventsCounter implements ConsumerInterceptor<Object, Object> {

    private EventCounters counters;

    @Override
    public void configure(Map<String, ?> configs) {
        counters = new EventCounters(configs, EventCounters.CONSUMED, "Records received per topic");
    }

    @Override
    public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
        for (TopicPartition partition : records.partitions()) {
            counters.increment(partition.topic(), records.records(partition).size());
        }
        return records;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    }

    @Override
    public void close() {
    }
}
