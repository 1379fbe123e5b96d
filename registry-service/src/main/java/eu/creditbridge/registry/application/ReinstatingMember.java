package eu.creditbridge.registry.application;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.registry.domain.AllianceId;
import eu.creditbridge.registry.domain.Institution;
import eu.creditbridge.registry.domain.Membership;
import eu.creditbridge.registry.domain.UnknownRegistryEntry;
import java.time.Clock;

/** A network lifts a suspension; the membership is active again. */
public class ReinstatingMember {

    private final AllianceStore alliances;
    private final ChangingInstitution changing;

    public ReinstatingMember(AllianceStore alliances, InstitutionStore institutions, Clock clock) {
        this.alliances = alliances;
        this.changing = new ChangingInstitution(institutions, clock);
    }

    public Membership reinstate(AllianceId allianceId, SchacCode schacCode) {
        alliances.find(allianceId).orElseThrow(() -> UnknownRegistryEntry.alliance(allianceId));
        Institution changed = changing.change(schacCode, i -> i.reinstatedIn(allianceId));
        return changed.membershipOf(allianceId).orElseThrow();
    }
}
