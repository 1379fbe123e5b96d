package eu.creditbridge.registry.application;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.registry.domain.AllianceId;
import eu.creditbridge.registry.domain.Institution;
import eu.creditbridge.registry.domain.Membership;
import eu.creditbridge.registry.domain.Suspension;
import eu.creditbridge.registry.domain.UnknownRegistryEntry;
import java.time.Clock;

/** A network suspends a member: its credentials issued from the suspension's first day on are no longer trusted automatically. */
public class SuspendingMember {

    private final AllianceStore alliances;
    private final ChangingInstitution changing;

    public SuspendingMember(AllianceStore alliances, InstitutionStore institutions, Clock clock) {
        this.alliances = alliances;
        this.changing = new ChangingInstitution(institutions, clock);
    }

    public Membership suspend(AllianceId allianceId, SchacCode schacCode, Suspension suspension) {
        alliances.find(allianceId).orElseThrow(() -> UnknownRegistryEntry.alliance(allianceId));
        Institution changed = changing.change(schacCode, i -> i.suspendedIn(allianceId, suspension));
        return changed.membershipOf(allianceId).orElseThrow();
    }
}
