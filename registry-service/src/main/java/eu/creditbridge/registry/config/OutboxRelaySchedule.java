package eu.creditbridge.registry.config;

import eu.creditbridge.registry.application.RelayingRegistryChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Runs the outbox relay at the configured interval; switched off by {@code creditbridge.registry.relay.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(prefix = "creditbridge.registry.relay", name = "enabled", havingValue = "true", matchIfMissing = true)
public class OutboxRelaySchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelaySchedule.class);

    private final RelayingRegistryChanges relay;
    private final CreditBridgeProperties properties;

    public OutboxRelaySchedule(RelayingRegistryChanges relay, CreditBridgeProperties properties) {
        this.relay = relay;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::relayOnce, properties.registry().relay().interval());
    }

    private void relayOnce() {
        try {
            relay.relayPending();
        } catch (RuntimeException e) {
            // Whatever was not marked stays pending and goes out on the next run; no change is lost.
            log.warn("Registry relay run failed, will retry: {}", e.toString());
        }
    }
}
