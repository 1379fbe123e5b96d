package eu.creditbridge.registry.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The {@code creditbridge.*} settings of registry-service. */
@ConfigurationProperties(prefix = "creditbridge")
public record CreditBridgeProperties(@DefaultValue Registry registry) {

    /**
     * @param demoData seed the demo alliances, institutions and rulesets at start-up when the store is empty
     * @param demoResource where the demo data is read from
     */
    public record Registry(
            @DefaultValue("false") boolean demoData,
            @DefaultValue("classpath:demo/registry-demo.json") String demoResource,
            @DefaultValue Relay relay) {
    }

    /**
     * @param enabled whether the outbox relay runs (off in tests that have no broker)
     * @param interval pause between two relay runs
     * @param ackTimeout how long one publish waits for the broker's acknowledgement
     * @param batchSize most changes of one kind published per run
     */
    public record Relay(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1s") Duration interval,
            @DefaultValue("10s") Duration ackTimeout,
            @DefaultValue("200") int batchSize) {
    }
}
