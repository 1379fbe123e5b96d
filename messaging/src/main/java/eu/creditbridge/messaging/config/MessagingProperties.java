package eu.creditbridge.messaging.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a listener's failures are retried before the record is dead-lettered ({@code creditbridge.messaging.*}).
 *
 * @param retryAttempts retries of a transient failure before the record goes to the dead-letter topic
 * @param retryInitialInterval wait before the first retry; doubles with each retry
 * @param retryMaxInterval longest wait between two retries
 */
@ConfigurationProperties("creditbridge.messaging")
public record MessagingProperties(
        @DefaultValue("5") int retryAttempts,
        @DefaultValue("200ms") Duration retryInitialInterval,
        @DefaultValue("5s") Duration retryMaxInterval) {
}
