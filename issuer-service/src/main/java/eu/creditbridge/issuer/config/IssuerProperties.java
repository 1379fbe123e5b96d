package eu.creditbridge.issuer.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The issuer's own settings ({@code creditbridge.*}). Addresses of Kafka, the schema registry and
 * MongoDB are Spring Boot's properties ({@code spring.kafka.*}, {@code spring.mongodb.*}).
 */
@ConfigurationProperties("creditbridge")
public record IssuerProperties(@DefaultValue Outbox outbox, @DefaultValue Web web) {

    /**
     * @param maxRequestBody largest request body the API reads; a larger one is answered 413 (problem details) before
     *                       it is held in memory. A credential with every optional element is a few KB, and the event it
     *                       becomes must stay under the contract's 256 KiB value limit.
     * @param maxImportBody  largest document {@code POST /api/transcripts} reads (ELMO, EWP, Europass): a whole degree's
     *                       transcript runs to hundreds of KB; still cut before parsing, so a hostile document costs at
     *                       most this much memory.
     */
    public record Web(@DefaultValue("128KB") DataSize maxRequestBody, @DefaultValue("4MB") DataSize maxImportBody) {
    }

    /**
     * @param enabled        whether events are published at all; off in tests that have no Kafka
     * @param relayInterval  pause between two rounds of the relay over unpublished events
     * @param lease          how long one relay may publish a credential's events before another may take over;
     *                       longer than {@code publishTimeout} times the events of one credential (at most two:
     *                       issued, revoked). Also how long the credentials a crashed instance had leased wait, so
     *                       short: a relay that overruns it at worst publishes an event twice, which consumers ignore
     * @param publishTimeout how long to wait for the broker's acknowledgement of one event
     * @param batchSize      credentials one relay round looks at
     */
    public record Outbox(@DefaultValue("true") boolean enabled,
                         @DefaultValue("5s") Duration relayInterval,
                         @DefaultValue("30s") Duration lease,
                         @DefaultValue("10s") Duration publishTimeout,
                         @DefaultValue("100") int batchSize) {
    }
}
