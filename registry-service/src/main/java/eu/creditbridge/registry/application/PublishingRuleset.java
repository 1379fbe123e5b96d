package eu.creditbridge.registry.application;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.registry.domain.ConflictingRegistryChange;
import eu.creditbridge.registry.domain.Ruleset;
import eu.creditbridge.registry.domain.RulesetDraft;
import eu.creditbridge.registry.domain.RulesetVersion;
import eu.creditbridge.registry.domain.UnknownRegistryEntry;
import eu.creditbridge.registry.domain.Violation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Publishes a receiving institution's ruleset as the version after the latest. Earlier versions
 * are never touched. Two concurrent publishes cannot take the same number (unique index): the
 * loser retries with the next number, and gives up with a conflict if it keeps losing.
 */
public class PublishingRuleset {

    private static final int ATTEMPTS = 5;

    private final InstitutionStore institutions;
    private final RulesetStore rulesets;
    private final Clock clock;

    public PublishingRuleset(InstitutionStore institutions, RulesetStore rulesets, Clock clock) {
        this.institutions = institutions;
        this.rulesets = rulesets;
        this.clock = clock;
    }

    public Ruleset publish(SchacCode institution, RulesetDraft draft) {
        institutions.find(institution).orElseThrow(() -> UnknownRegistryEntry.institution(institution));
        // Rules that do not compile, can never match or overlap are the author's to fix, before any version exists.
        draft.requirePublishable(LocalDate.now(clock));
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            RulesetVersion version = Ruleset.versionAfter(rulesets.latest(institution).map(Ruleset::version));
            Ruleset ruleset = draft.publishedAs(institution, version, clock.instant());
            if (rulesets.insert(ruleset)) {
                return ruleset;
            }
        }
        throw new ConflictingRegistryChange("ruleset of " + institution + " is being published concurrently; try again");
    }

    /** The dry run: what publishing the draft today would refuse, without publishing anything. */
    public List<Violation> validate(SchacCode institution, RulesetDraft draft) {
        institutions.find(institution).orElseThrow(() -> UnknownRegistryEntry.institution(institution));
        return draft.findings(LocalDate.now(clock));
    }
}
