package eu.creditbridge.messaging.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code creditbridge.outbox.*}, the same names in every service.
 *
 * @param enabled       whether the relay runs (and the issuer's publish right after a request); off in tests without a
 *                      broker. Writers still store their entries: they wait until a relay runs
 * @param relayInterval pause between two relay rounds
 * @param batchSize     entries claimed, sent and confirmed together
 * @param ackTimeout    longest wait for the broker's acknowledgements of one batch
 * @param lease         issuer: how long one relay may publish a credential's events before another may take over; also
 *                      how long the credentials a killed instance had leased wait, so short (a relay that overruns it at
 *                      worst publishes an event twice, which consumers ignore)
 * @param minimumAge    recognition: how long a revision must have been pending before the relay takes it, so the relay
 *                      does not race the listener's own publish of a decision being made right now
 */
@ConfigurationProperties("creditbridge.outbox")
public record OutboxProperties(@DefaultValue("true") boolean enabled,
                               @DefaultValue("5s") Duration relayInterval,
                               @DefaultValue("100") int batchSize,
                               @DefaultValue("10s") Duration ackTimeout,
                               @DefaultValue("30s") Duration lease,
                               @DefaultValue("10s") Duration minimumAge) {
}
