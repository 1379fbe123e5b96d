package eu.creditbridge.recognition.config;

import eu.creditbridge.recognition.application.RegistryView;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * "registryView" in /actuator/health: DOWN until the view has read the registry topics up to where they stood at
 * start-up (credentials are not consumed before), UP after. UNKNOWN when reading is switched off, so it does not
 * hold the aggregate down where no Kafka is meant to be.
 */
@Component
class RegistryViewHealthIndicator implements HealthIndicator {

    private final RegistryView view;
    private final CreditBridgeProperties properties;

    RegistryViewHealthIndicator(RegistryView view, CreditBridgeProperties properties) {
        this.view = view;
        this.properties = properties;
    }

    @Override
    public Health health() {
        Health.Builder health;
        if (!properties.registryView().enabled()) {
            health = Health.unknown().withDetail("reading", "off (creditbridge.registry-view.enabled=false)");
        } else if (view.isCaughtUp()) {
            health = Health.up();
        } else {
            health = Health.down().withDetail("reading", "catching up with the registry topics; credentials wait");
        }
        return health.withDetail("institutions", view.institutionCount()).withDetail("rulesets", view.rulesetCount()).build();
    }
}
