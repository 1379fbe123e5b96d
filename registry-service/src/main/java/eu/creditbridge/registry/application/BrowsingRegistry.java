package eu.creditbridge.registry.application;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.registry.domain.Alliance;
import eu.creditbridge.registry.domain.AllianceId;
import eu.creditbridge.registry.domain.Institution;
import eu.creditbridge.registry.domain.Ruleset;
import eu.creditbridge.registry.domain.RulesetVersion;
import eu.creditbridge.registry.domain.UnknownRegistryEntry;
import java.util.List;

/** Reading the registry: what the REST edge shows. Unknown ids are refused, never answered with nothing. */
public class BrowsingRegistry {

    private final InstitutionStore institutions;
    private final AllianceStore alliances;
    private final RulesetStore rulesets;

    public BrowsingRegistry(InstitutionStore institutions, AllianceStore alliances, RulesetStore rulesets) {
        this.institutions = institutions;
        this.alliances = alliances;
        this.rulesets = rulesets;
    }

    public record AllianceWithMembers(Alliance alliance, List<Institution> members) {
    }

    public List<Institution> institutions() {
        return institutions.all();
    }

    public Institution institution(SchacCode schacCode) {
        return institutions.find(schacCode).map(Stored::value)
                .orElseThrow(() -> UnknownRegistryEntry.institution(schacCode));
    }

    public List<Alliance> alliances() {
        return alliances.all();
    }

    public AllianceWithMembers alliance(AllianceId id) {
        Alliance alliance = alliances.find(id).map(Stored::value).orElseThrow(() -> UnknownRegistryEntry.alliance(id));
        return new AllianceWithMembers(alliance, institutions.membersOf(id));
    }

    public List<Ruleset> rulesetVersions(SchacCode institution) {
        institution(institution);
        return rulesets.versions(institution);
    }

    public Ruleset latestRuleset(SchacCode institution) {
        institution(institution);
        return rulesets.latest(institution)
                .orElseThrow(() -> new UnknownRegistryEntry("ruleset", institution + "/latest"));
    }

    public Ruleset ruleset(SchacCode institution, RulesetVersion version) {
        institution(institution);
        return rulesets.find(institution, version)
                .orElseThrow(() -> new UnknownRegistryEntry("ruleset", institution + "/" + version.value()));
    }
}
