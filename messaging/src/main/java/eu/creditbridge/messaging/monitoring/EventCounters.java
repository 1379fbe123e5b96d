package eu.creditbridge.messaging.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The counters {@value #CONSUMED}{@code {topic}} and {@value #PRODUCED}{@code {topic}}, kept by Kafka client
 * interceptors ({@link ConsumedEventsCounter}, {@link ProducedEventsCounter}) that every client of a service gets.
 *
 * <p>Why not only Kafka's own client metrics ({@code kafka_consumer_fetch_manager_records_consumed_total{topic}},
 * {@code kafka_producer_topic_record_send_total{topic}}, which the services export too): Micrometer picks a topic's
 * client metrics up only on its periodic refresh (up to a minute after the first record), and Kafka 4 reports a
 * consumer topic twice (with its dots and, deprecated, with underscores), so a sum over topics counts it double.
 * These counters exist from the first record, name the topic as it is, and count what the broker acknowledged.
 */
public final class EventCounters {

    public static final String CONSUMED = "creditbridge.events.consumed";
    public static final String PRODUCED = "creditbridge.events.produced";

    /** Client configuration key under which the interceptors find the service's {@link MeterRegistry} object. */
    public static final String METER_REGISTRY_CONFIG = "creditbridge.meter-registry";

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final String name;
    private final String description;

    EventCounters(Map<String, ?> clientConfig, String name, String description) {
        Object configured = clientConfig.get(METER_REGISTRY_CONFIG);
        this.registry = configured instanceof MeterRegistry meters ? meters : Metrics.globalRegistry;
        this.name = name;
        this.description = description;
    }

    void increment(String topic, long records) {
        counters.computeIfAbsent(topic, t -> Counter.builder(name).description(description).tag("topic", t).register(registry))
                .increment(records);
    }

    /**
     * The client configuration with {@code interceptor} added to {@code interceptor.classes} (keeping any there
     * already) and the registry the counters go to.
     */
    public static Map<String, Object> withInterceptor(Map<String, Object> clientConfig, String interceptorClassesKey,
            Class<?> interceptor, MeterRegistry registry) {
        List<Object> interceptors = new ArrayList<>();
        Object existing = clientConfig.get(interceptorClassesKey);
        if (existing instanceof Collection<?> many) {
            interceptors.addAll(many);
        } else if (existing instanceof String names && !names.isBlank()) {
            for (String each : names.split(",")) {
                interceptors.add(each.trim());
            }
        } else if (existing != null) {
            interceptors.add(existing);
        }
        boolean present = interceptors.stream().anyMatch(each -> each.equals(interceptor) || each.equals(interceptor.getName()));
        if (!present) {
            interceptors.add(interceptor);
        }
        clientConfig.put(interceptorClassesKey, interceptors);
        clientConfig.put(METER_REGISTRY_CONFIG, registry);
        return clientConfig;
    }
}
