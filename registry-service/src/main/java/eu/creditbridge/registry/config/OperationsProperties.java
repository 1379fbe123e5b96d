package eu.creditbridge.registry.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator console's settings ({@code creditbridge.operations.*}).
 *
 * @param sampling whether the pipeline is sampled (off in tests that have no broker)
 * @param sampleInterval how often the broker is asked for offsets and groups; also the consumer-lag gauge's freshness
 * @param rateWindow how far back the rates reach ("messages per second over the last minutes")
 * @param kafkaTimeout the longest one broker call of the console may take before the page says Kafka is unavailable
 * @param recentErrors how many of the newest dead letters the pipeline page shows as its last errors
 * @param deadLetterPageSize how many dead letters the list shows, newest first
 * @param auditPageSize how many audit entries the audit page shows, newest first
 * @param recognitionGroup the consumer group of recognition-service, drawn on the pipeline picture
 * @param issuerGroup the consumer group of issuer-service, drawn on the pipeline picture
 */
@ConfigurationProperties("creditbridge.operations")
public record OperationsProperties(
        @DefaultValue("true") boolean sampling,
        @DefaultValue("5s") Duration sampleInterval,
        @DefaultValue("5m") Duration rateWindow,
        @DefaultValue("3s") Duration kafkaTimeout,
        @DefaultValue("5") int recentErrors,
        @DefaultValue("50") int deadLetterPageSize,
        @DefaultValue("100") int auditPageSize,
        @DefaultValue("recognition-service") String recognitionGroup,
        @DefaultValue("issuer-service") String issuerGroup) {
}
