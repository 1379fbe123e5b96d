package eu.creditbridge.registry.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code creditbridge.*} settings of registry-service; the outbox relay's are the house's {@code creditbridge.outbox.*}
 * (messaging's {@code OutboxProperties}).
 */
@ConfigurationProperties(prefix = "creditbridge")
public record CreditBridgeProperties(@DefaultValue Registry registry) {

    /**
     * @param demoData seed the demo alliances, institutions and rulesets at start-up when the store is empty
     * @param demoResource where the demo data is read from
     */
    public record Registry(
            @DefaultValue("false") boolean demoData,
            @DefaultValue("classpath:demo/registry-demo.json") String demoResource) {
    }
}
