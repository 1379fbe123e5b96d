package eu.creditbridge.recognition.messaging;

import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.contract.InstitutionUpdated;
import eu.creditbridge.contract.RulesetPublished;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.messaging.monitoring.ConsumedEventsCounter;
import eu.creditbridge.messaging.monitoring.EventCounters;
import eu.creditbridge.recognition.application.RegistryView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads the compacted registry topics into the {@link RegistryView}, from offset 0 on every start, with a plain
 * consumer on explicitly assigned partitions and no consumer group: every instance needs the whole registry,
 * so none may share partitions or resume from committed offsets. The view is marked caught up once every
 * partition is read up to the end offset it had when reading began.
 *
 * <p>A record the view cannot use (unreadable bytes, a value the domain refuses) is logged, counted in
 * {@code creditbridge_registry_records_skipped_total{topic}} and skipped: the institution keeps its last good entry
 * (an unreadable value is never taken for a tombstone), and one bad registry entry must not keep the whole service
 * from starting. The registry-service dead-letters such a record once and publishes the institution's entry again
 * after it, so compaction keeps the good one. Partitions added while running are not picked up until a restart.
 */
public class RegistryTopicsReader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RegistryTopicsReader.class);
    private static final List<String> TOPICS = List.of(ContractTopic.INSTITUTIONS.topic(), ContractTopic.RULESETS.topic());

    /** Registry records this reader could not use, tagged {@code topic}. */
    public static final String SKIPPED_METRIC = "creditbridge.registry.records.skipped";

    private final Map<String, Object> consumerConfig;
    private final RegistryView view;
    private final Duration pollTimeout;
    private final MeterRegistry meters;
    private volatile boolean running;
    private volatile KafkaConsumer<String, Object> consumer;
    private Thread thread;

    /**
     * @param kafkaConfig the service's consumer configuration (addresses, registry URL, security); group,
     *                    offsets and deserializers are set here
     */
    public RegistryTopicsReader(Map<String, Object> kafkaConfig, RegistryView view, Duration pollTimeout) {
        this(kafkaConfig, view, pollTimeout, null);
    }

    /**
     * @param meters where this consumer's Kafka client metrics and its events-consumed counter go, as Spring's
     *               consumer factory does for the listeners; null for none
     */
    public RegistryTopicsReader(Map<String, Object> kafkaConfig, RegistryView view, Duration pollTimeout, MeterRegistry meters) {
        this.meters = meters;
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        // The Avro deserializer itself, not Spring's error-handling wrapper: the wrapper turns a failure into a
        // null value, which here would read as a tombstone and delete an institution.
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, eu.creditbridge.messaging.serde.ConfluentAvroDeserializer.class);
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "recognition-registry-view");
        if (meters != null) {
            // Not from Spring's consumer factory, so the events-consumed counter is added here.
            EventCounters.withInterceptor(config, ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG, ConsumedEventsCounter.class, meters);
        }
        this.consumerConfig = config;
        this.view = view;
        this.pollTimeout = pollTimeout;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "registry-view");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, Object> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(pollTimeout.multipliedBy(4).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the listener containers, so the view is there first and gone last. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    private void run() {
        try (KafkaConsumer<String, Object> kafka = new KafkaConsumer<>(consumerConfig);
             KafkaClientMetrics metrics = meters == null ? null : new KafkaClientMetrics(kafka)) {
            if (metrics != null) {
                metrics.bindTo(meters);
            }
            consumer = kafka;
            List<TopicPartition> partitions = awaitPartitions(kafka);
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            Map<TopicPartition, Long> endAtStart = kafka.endOffsets(partitions);
            log.info("Reading the registry view from {} partitions up to {}", partitions.size(), endAtStart);
            while (running) {
                try {
                    for (ConsumerRecord<String, Object> record : kafka.poll(pollTimeout)) {
                        apply(record);
                    }
                } catch (RecordDeserializationException e) {
                    log.error("Skipping unreadable registry record {}@{}: {}", e.topicPartition(), e.offset(), e.getMessage());
                    countSkipped(e.topicPartition().topic());
                    kafka.seek(e.topicPartition(), e.offset() + 1);
                }
                if (!view.isCaughtUp() && caughtUp(kafka, endAtStart)) {
                    log.info("Registry view caught up: {} institutions, {} rulesets", view.institutionCount(), view.rulesetCount());
                    view.caughtUp();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            log.error("Registry view stopped reading; recognition will not start until restarted", e);
            running = false;
        } finally {
            consumer = null;
        }
    }

    /** The topics are created when the stack starts; until then, wait rather than fail. */
    private List<TopicPartition> awaitPartitions(KafkaConsumer<String, Object> kafka) {
        while (running) {
            List<TopicPartition> partitions = new ArrayList<>();
            boolean allThere = true;
            for (String topic : TOPICS) {
                List<PartitionInfo> infos;
                try {
                    infos = kafka.partitionsFor(topic, Duration.ofSeconds(10));
                } catch (org.apache.kafka.common.errors.TimeoutException e) {
                    infos = List.of(); // broker not reachable yet: keep waiting, as for a missing topic
                }
                if (infos == null || infos.isEmpty()) {
                    allThere = false;
                    log.warn("Registry topic {} is not available yet; waiting for it", topic);
                    break;
                }
                infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
            if (allThere) {
                return partitions;
            }
            kafka.poll(Duration.ZERO); // lets wakeup() reach this loop
            sleepQuietly(pollTimeout);
        }
        throw new WakeupException();
    }

    private static boolean caughtUp(KafkaConsumer<String, Object> kafka, Map<TopicPartition, Long> endAtStart) {
        return endAtStart.entrySet().stream().allMatch(end -> kafka.position(end.getKey()) >= end.getValue());
    }

    private void apply(ConsumerRecord<String, Object> record) {
        try {
            if (record.topic().equals(ContractTopic.INSTITUTIONS.topic())) {
                if (record.value() == null) {
                    view.institutionRemoved(SchacCode.lenient(record.key()));
                } else if (record.value() instanceof InstitutionUpdated updated) {
                    keyNames(record, updated.getSchacCode());
                    view.institutionUpdated(ContractMapping.institution(updated));
                }
            } else if (record.value() == null) {
                view.rulesetRemoved(SchacCode.lenient(record.key()));
            } else if (record.value() instanceof RulesetPublished published) {
                keyNames(record, published.getInstitution());
                view.rulesetPublished(ContractMapping.ruleset(published));
            }
        } catch (RuntimeException e) {
            log.error("Skipping registry record {}-{}@{} (key {}): {}", record.topic(), record.partition(), record.offset(), record.key(),
                    e.getMessage());
            countSkipped(record.topic());
        }
    }

    /** A value under another institution's key would replace that institution's entry: not taken. */
    private static void keyNames(ConsumerRecord<String, Object> record, String institution) {
        if (!institution.equals(record.key())) {
            throw new IllegalArgumentException("the value is " + institution + "'s entry, under the key of " + record.key());
        }
    }

    private void countSkipped(String topic) {
        if (meters != null) {
            Counter.builder(SKIPPED_METRIC).description("Registry records the view could not use; the last good entry stays")
                    .tag("topic", topic).register(meters).increment();
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
