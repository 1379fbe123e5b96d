package eu.creditbridge.registry.application;

import eu.creditbridge.messaging.outbox.Outbox;
import eu.creditbridge.registry.domain.Ruleset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's outbox as the house's relay sees it: every stored change not yet published (institutions whose
 * revision is ahead of their published revision, ruleset versions not yet published), each marked published after the
 * broker acknowledged it, conditionally. At least once: a crash after the publish and before the mark publishes again,
 * which the compacted topics and their idempotent consumers absorb.
 */
public class RegistryOutbox implements Outbox<RegistryChange> {

    private static final Logger log = LoggerFactory.getLogger(RegistryOutbox.class);

    private final InstitutionStore institutions;
    private final RulesetStore rulesets;
    private final PropagatingAllianceNames propagation;

    public RegistryOutbox(InstitutionStore institutions, RulesetStore rulesets, PropagatingAllianceNames propagation) {
        this.institutions = institutions;
        this.rulesets = rulesets;
        this.propagation = propagation;
    }

    /** Up to {@code limit} institution changes and up to {@code limit} rulesets, after copying renamed alliances' names. */
    @Override
    public List<RegistryChange> claim(int limit) {
        propagation.propagatePending();
        List<RegistryChange> due = new ArrayList<>();
        institutions.pendingPublication(limit).forEach(stored -> due.add(new RegistryChange.InstitutionChanged(stored)));
        List<Ruleset> pendingRulesets = rulesets.pendingPublication(limit);
        Set<String> superseded = new HashSet<>();
        for (int i = pendingRulesets.size() - 1; i >= 0; i--) {
            Ruleset ruleset = pendingRulesets.get(i);
            // The topic is compacted to the latest version per institution; an older pending version sent after a newer
            // one would win compaction, so only the newest is sent and the older ones are marked as they are passed over.
            if (superseded.add(ruleset.institution().value())
                    && rulesets.latest(ruleset.institution()).map(l -> l.version().equals(ruleset.version())).orElse(true)) {
                due.add(new RegistryChange.RulesetChanged(ruleset));
            } else {
                rulesets.markPublished(ruleset.institution(), ruleset.version());
            }
        }
        return due;
    }

    @Override
    public String orderKey(RegistryChange change) {
        return change.institution();
    }

    @Override
    public void published(List<RegistryChange> changes) {
        for (RegistryChange change : changes) {
            if (change instanceof RegistryChange.InstitutionChanged institution) {
                institutions.markPublished(institution.stored().value().schacCode(), institution.stored().revision());
            } else if (change instanceof RegistryChange.RulesetChanged ruleset) {
                rulesets.markPublished(ruleset.ruleset().institution(), ruleset.ruleset().version());
            }
        }
        log.info("Published {} registry change(s)", changes.size());
    }
}
