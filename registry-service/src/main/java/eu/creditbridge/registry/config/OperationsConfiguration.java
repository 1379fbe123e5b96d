package eu.creditbridge.registry.config;

import com.mongodb.client.MongoDatabase;
import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.messaging.registry.SchemaRegistryClient;
import eu.creditbridge.registry.application.operations.DeadLetterLedger;
import eu.creditbridge.registry.application.operations.DeadLetterTopics;
import eu.creditbridge.registry.application.operations.DiscardingDeadLetter;
import eu.creditbridge.registry.application.operations.InspectingDeadLetters;
import eu.creditbridge.registry.application.operations.PayloadDecoder;
import eu.creditbridge.registry.application.operations.PipelineProbe;
import eu.creditbridge.registry.application.operations.ReplayingDeadLetter;
import eu.creditbridge.registry.application.operations.ShowingOwnDeadLetters;
import eu.creditbridge.registry.application.operations.WatchingPipeline;
import eu.creditbridge.registry.domain.operations.SampleWindow;
import eu.creditbridge.registry.messaging.operations.AvroPayloadDecoder;
import eu.creditbridge.registry.messaging.operations.KafkaDeadLetterTopics;
import eu.creditbridge.registry.messaging.operations.KafkaPipelineProbe;
import eu.creditbridge.registry.store.operations.MongoDeadLetterLedger;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the operator console: its own AdminClient, byte-array consumer and producer (built from
 * {@code spring.kafka.*}, so they reach the same cluster with the same security settings as the service), the
 * schema-registry decoder and the MongoDB ledger, and the use cases on top.
 */
@Configuration(proxyBeanMethods = false)
public class OperationsConfiguration {

    /** Every topic of the contract and its dead-letter topic: what the console watches. */
    static List<String> watchedTopics() {
        return ContractTopic.all().stream().flatMap(t -> Stream.of(t.topic(), t.deadLetterTopic())).toList();
    }

    static List<String> deadLetterTopics() {
        return ContractTopic.all().stream().map(ContractTopic::deadLetterTopic).toList();
    }

    @Bean(destroyMethod = "close")
    KafkaPipelineProbe pipelineProbe(KafkaProperties kafka, OperationsProperties operations, Clock clock) {
        Map<String, Object> config = new HashMap<>(kafka.buildAdminProperties());
        int timeout = (int) operations.kafkaTimeout().toMillis();
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, "registry-service-operations");
        config.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        config.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
        // While the broker is down, try to reconnect about once per sample rather than every second.
        config.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, Math.min(30_000, Math.max(1000, operations.sampleInterval().toMillis())));
        return new KafkaPipelineProbe(Admin.create(config), watchedTopics(), operations.kafkaTimeout(), clock);
    }

    @Bean(destroyMethod = "close")
    KafkaDeadLetterTopics deadLetterTopics(KafkaProperties kafka, OperationsProperties operations) {
        Map<String, Object> consumerConfig = new HashMap<>(kafka.buildConsumerProperties());
        // Assigned partitions and explicit seeks: no group, nothing committed, no rebalance of anyone's group.
        consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) operations.kafkaTimeout().toMillis());
        consumerConfig.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) operations.kafkaTimeout().toMillis());
        Map<String, Object> producerConfig = new HashMap<>(kafka.buildProducerProperties());
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "registry-service-replay");
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, operations.kafkaTimeout().toMillis());
        return new KafkaDeadLetterTopics(
                () -> {
                    Map<String, Object> config = new HashMap<>(consumerConfig);
                    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "registry-service-dead-letters-" + UUID.randomUUID());
                    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
                },
                new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer()),
                deadLetterTopics(), operations.kafkaTimeout());
    }

    @Bean
    AvroPayloadDecoder payloadDecoder(KafkaProperties kafka) {
        String url = kafka.getProperties().get("schema.registry.url");
        return new AvroPayloadDecoder(url == null || url.isBlank() ? null : SchemaRegistryClient.forUrl(url));
    }

    @Bean
    MongoDeadLetterLedger deadLetterLedger(MongoDatabase registryDatabase, Clock clock) {
        return new MongoDeadLetterLedger(registryDatabase, clock);
    }

    @Bean
    WatchingPipeline watchingPipeline(PipelineProbe probe, DeadLetterTopics deadLetters, OperationsProperties operations) {
        return new WatchingPipeline(probe, deadLetters,
                SampleWindow.covering(operations.rateWindow(), operations.sampleInterval()), operations.recentErrors());
    }

    @Bean
    InspectingDeadLetters inspectingDeadLetters(DeadLetterTopics topics, DeadLetterLedger ledger, PayloadDecoder decoder) {
        return new InspectingDeadLetters(topics, ledger, decoder);
    }

    @Bean
    ReplayingDeadLetter replayingDeadLetter(DeadLetterTopics topics, DeadLetterLedger ledger, Clock clock) {
        return new ReplayingDeadLetter(topics, ledger, clock);
    }

    @Bean
    DiscardingDeadLetter discardingDeadLetter(DeadLetterTopics topics, DeadLetterLedger ledger, Clock clock) {
        return new DiscardingDeadLetter(topics, ledger, clock);
    }

    /** A partner's own dead letters of the credentials topic, searched among the newest 1,000. */
    @Bean
    ShowingOwnDeadLetters showingOwnDeadLetters(DeadLetterTopics topics, DeadLetterLedger ledger, PayloadDecoder decoder) {
        return new ShowingOwnDeadLetters(topics, ledger, decoder, ContractTopic.CREDENTIALS.deadLetterTopic(), 1000);
    }
}
