package eu.creditbridge.registry.application;

import eu.creditbridge.registry.domain.Institution;
import eu.creditbridge.registry.domain.Ruleset;

/** One change the registry owes its compacted topics: an institution's full current state, or a ruleset's newest version. */
public sealed interface RegistryChange {

    /** The SCHAC code the change is keyed by on its topic. */
    String institution();

    record InstitutionChanged(Stored<Institution> stored) implements RegistryChange {
        @Override
        public String institution() {
            return stored.value().schacCode().value();
        }
    }

    record RulesetChanged(Ruleset ruleset) implements RegistryChange {
        @Override
        public String institution() {
            return ruleset.institution().value();
        }
    }
}
