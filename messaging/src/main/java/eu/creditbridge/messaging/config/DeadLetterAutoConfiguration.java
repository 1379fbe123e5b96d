package eu.creditbridge.messaging.config;

import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.messaging.PermanentFailure;
import eu.creditbridge.messaging.serde.ConfluentAvroSerializer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;

/**
 * Error handling for every {@code @KafkaListener} of a service, declared once, by {@link RetryPolicy}: a
 * {@link PermanentFailure} or a value that cannot be read goes to {@code <topic>.dlt} (same partition) at once with
 * the reason in headers, and the consumer moves on; an outage of MongoDB, the broker or the schema registry is
 * retried with capped backoff for as long as it lasts; any other failure is retried a few times, then dead-lettered.
 *
 * <p>A dead letter keeps the original bytes when the value could not be read, and is written in the wire
 * format of its source topic otherwise. Spring Kafka's {@code kafka_dlt-*} headers carry the original topic,
 * partition, offset and exception; {@value #REASON_HEADER} carries the reason in one readable line.
 */
@AutoConfiguration
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(RetryProperties.class)
public class DeadLetterAutoConfiguration {

    /** The reason a record was dead-lettered, in one line a person can read. */
    public static final String REASON_HEADER = "creditbridge_dlt_reason";

    /** Records dead-lettered by this service, tagged {@code topic} = the source topic. */
    public static final String DEAD_LETTERS_METRIC = "creditbridge.dead.letters";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler kafkaErrorHandler(ProducerFactory<?, ?> producerFactory, RetryProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        return errorHandler(deadLetterTemplate(producerFactory), new RetryPolicy(properties), meters.getIfAvailable());
    }

    /** The handler on its own, for a container built by hand (and for tests on a real broker). */
    public static DefaultErrorHandler errorHandler(KafkaTemplate<Object, Object> deadLetters, RetryPolicy policy,
            MeterRegistry meters) {
        var recoverer = new DeadLetterPublishingRecoverer(deadLetters,
                (record, failure) -> new TopicPartition(
                        record.topic() + ContractTopic.DEAD_LETTER_SUFFIX, Math.max(record.partition(), 0)));
        recoverer.setHeadersFunction((record, failure) -> new RecordHeaders(new RecordHeader[] {
                new RecordHeader(REASON_HEADER, reason(failure).getBytes(StandardCharsets.UTF_8))}));

        ConsumerRecordRecoverer loggingRecoverer = (record, failure) -> {
            log.warn("Dead-lettering {}-{}@{} (key {}): {}", record.topic(), record.partition(), record.offset(),
                    record.key(), reason(failure));
            recoverer.accept(record, failure);
            // Counted after the publish: a dead letter that could not be written is retried, not counted.
            if (meters != null) {
                Counter.builder(DEAD_LETTERS_METRIC)
                        .description("Records sent to the dead-letter topic")
                        .tag("topic", record.topic())
                        .register(meters)
                        .increment();
            }
        };
        var handler = new DefaultErrorHandler(loggingRecoverer, policy.unknownBackOff());
        policy.applyTo(handler);
        return handler;
    }

    /** Writes byte[] values as they are (unreadable input) and records in the Confluent wire format. */
    public static KafkaTemplate<Object, Object> deadLetterTemplate(ProducerFactory<?, ?> producerFactory) {
        Map<String, Object> configs = new HashMap<>(producerFactory.getConfigurationProperties());
        var avro = new ConfluentAvroSerializer();
        avro.configure(configs, false);
        Map<Class<?>, Serializer<?>> values = new LinkedHashMap<>();
        values.put(byte[].class, new ByteArraySerializer());
        values.put(SpecificRecord.class, avro);
        Map<Class<?>, Serializer<?>> keys = new LinkedHashMap<>();
        keys.put(byte[].class, new ByteArraySerializer());
        keys.put(String.class, new StringSerializer());
        var factory = new DefaultKafkaProducerFactory<Object, Object>(configs,
                new DelegatingByTypeSerializer(keys, true), new DelegatingByTypeSerializer(values, true));
        return new KafkaTemplate<>(factory);
    }

    /** The innermost message, skipping Spring's listener-invocation wrappers. */
    static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? "" : ": " + cause.getMessage();
        return cause.getClass().getSimpleName() + message;
    }
}
