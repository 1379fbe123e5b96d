package eu.creditbridge.registry.application;

import eu.creditbridge.registry.domain.Institution;
import eu.creditbridge.registry.domain.Ruleset;
import java.time.Instant;

/**
 * The compacted topics every recognition-service builds its view of the registry from. Each call
 * returns only once the broker has acknowledged the record, and throws if it did not.
 */
public interface RegistryFeed {

    void institutionUpdated(Institution institution, Instant updatedAt);

    void rulesetPublished(Ruleset ruleset);
}
