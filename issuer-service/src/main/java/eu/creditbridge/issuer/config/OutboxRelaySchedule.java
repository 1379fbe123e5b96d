package eu.creditbridge.issuer.config;

import eu.creditbridge.issuer.application.RelayingCredentialEvents;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the outbox relay every {@code creditbridge.outbox.relay-interval}, starting right after start-up,
 * so events stored before a crash are published when the service comes back.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "creditbridge.outbox.enabled", matchIfMissing = true)
public class OutboxRelaySchedule {

    private final RelayingCredentialEvents relaying;

    public OutboxRelaySchedule(RelayingCredentialEvents relaying) {
        this.relaying = relaying;
    }

    @Scheduled(fixedDelayString = "${creditbridge.outbox.relay-interval:5s}")
    void relayPending() {
        relaying.relayPending();
    }
}
