package eu.creditbridge.registry.application;

import eu.creditbridge.registry.domain.Institution;
import eu.creditbridge.registry.domain.Ruleset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox relay: publishes every stored change not yet published, then marks it published
 * conditionally. At least once: a crash after the publish and before the mark publishes again,
 * which the compacted topics and their idempotent consumers absorb.
 */
public class RelayingRegistryChanges {

    private static final Logger log = LoggerFactory.getLogger(RelayingRegistryChanges.class);

    private final InstitutionStore institutions;
    private final RulesetStore rulesets;
    private final PropagatingAllianceNames propagation;
    private final RegistryFeed feed;
    private final int batchSize;

    public RelayingRegistryChanges(InstitutionStore institutions, RulesetStore rulesets,
            PropagatingAllianceNames propagation, RegistryFeed feed, int batchSize) {
        this.institutions = institutions;
        this.rulesets = rulesets;
        this.propagation = propagation;
        this.feed = feed;
        this.batchSize = batchSize;
    }

    /** @return how many records were published */
    public int relayPending() {
        propagation.propagatePending();
        int published = 0;
        for (Stored<Institution> pending : institutions.pendingPublication(batchSize)) {
            feed.institutionUpdated(pending.value(), pending.updatedAt());
            institutions.markPublished(pending.value().schacCode(), pending.revision());
            published++;
        }
        List<Ruleset> pendingRulesets = rulesets.pendingPublication(batchSize);
        Set<String> superseded = new HashSet<>();
        for (int i = pendingRulesets.size() - 1; i >= 0; i--) {
            Ruleset ruleset = pendingRulesets.get(i);
            // The topic is compacted to the latest version per institution; an older pending version
            // sent after a newer one would win compaction, so only the newest is sent.
            if (superseded.add(ruleset.institution().value())
                    && rulesets.latest(ruleset.institution()).map(l -> l.version().equals(ruleset.version())).orElse(true)) {
                feed.rulesetPublished(ruleset);
                published++;
            }
            rulesets.markPublished(ruleset.institution(), ruleset.version());
        }
        if (published > 0) {
            log.info("Published {} registry change(s)", published);
        }
        return published;
    }
}
