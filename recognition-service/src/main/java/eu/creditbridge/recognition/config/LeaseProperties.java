package eu.creditbridge.recognition.config;

import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code creditbridge.leases.*}: the leases that keep the relays, re-evaluation and reopening in one instance at a time.
 *
 * @param term       how long a holder that stops renewing (killed, hung, cut off from the store) keeps a job from the
 *                   other instances; a takeover waits this long, so short, but far above clock skew and GC pauses
 * @param renewEvery how often a holder renews the leases of the event-driven jobs (the relays renew on every round)
 * @param holder     this instance's name in the leases; blank: the service name, the pid and a random part, unique
 *                   also for two instances on one host
 */
@ConfigurationProperties("creditbridge.leases")
public record LeaseProperties(@DefaultValue("30s") Duration term, @DefaultValue("10s") Duration renewEvery, String holder) {

    public LeaseProperties {
        if (holder == null || holder.isBlank()) {
            holder = "recognition-service/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
        }
    }
}
