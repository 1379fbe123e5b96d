package eu.creditbridge.messaging.config;

import eu.creditbridge.messaging.outbox.OutboxProperties;
import eu.creditbridge.messaging.outbox.OutboxRelay;
import eu.creditbridge.messaging.outbox.OutboxRelayScheduler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@code creditbridge.outbox.*} bound once for every service, and the one scheduler that runs the service's
 * {@link OutboxRelay} beans; {@code creditbridge.outbox.enabled=false} leaves it out (tests without a broker).
 */
@AutoConfiguration
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnBooleanProperty(name = "creditbridge.outbox.enabled", matchIfMissing = true)
    OutboxRelayScheduler outboxRelayScheduler(ObjectProvider<OutboxRelay<?>> relays, OutboxProperties properties) {
        return new OutboxRelayScheduler(relays.orderedStream().toList(), properties.relayInterval());
    }
}
