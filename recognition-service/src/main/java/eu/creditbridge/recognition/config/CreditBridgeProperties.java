package eu.creditbridge.recognition.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * recognition-service settings ({@code creditbridge.*}).
 *
 * @param registryView reading the registry topics into the in-memory view
 * @param credentials  consuming the credentials topic
 *                     (publishing decisions: the house's {@code creditbridge.outbox.*}, messaging's {@code OutboxProperties})
 */
@ConfigurationProperties("creditbridge")
public record CreditBridgeProperties(
        @DefaultValue RegistryView registryView,
        @DefaultValue Credentials credentials) {

    /**
     * @param enabled     read the registry topics (off in tests without Kafka; then credentials are never consumed)
     * @param pollTimeout longest wait of one poll of the registry topics
     */
    public record RegistryView(@DefaultValue("true") boolean enabled, @DefaultValue("500ms") Duration pollTimeout) {
    }

    /**
     * @param unknownInstitutionGrace how long a credential whose receiving institution is not in the registry view
     *                                is retried before it goes to the dead-letter topic; keep it within the shared
     *                                error handler's retry budget ({@code creditbridge.messaging.retry.*}, about 6 s by default)
     */
    public record Credentials(@DefaultValue("5s") Duration unknownInstitutionGrace) {
    }
}
