package eu.creditbridge.registry.application;

import eu.creditbridge.registry.domain.Alliance;
import eu.creditbridge.registry.domain.Institution;
import java.time.Clock;

/** Copies changed alliance names into the members' documents, which republishes those members. */
public class PropagatingAllianceNames {

    private final AllianceStore alliances;
    private final InstitutionStore institutions;
    private final ChangingInstitution changing;

    public PropagatingAllianceNames(AllianceStore alliances, InstitutionStore institutions, Clock clock) {
        this.alliances = alliances;
        this.institutions = institutions;
        this.changing = new ChangingInstitution(institutions, clock);
    }

    public int propagatePending() {
        int renamed = 0;
        for (Stored<Alliance> pending : alliances.pendingPropagation()) {
            Alliance alliance = pending.value();
            for (Institution member : institutions.membersOf(alliance.id())) {
                boolean stale = member.membershipOf(alliance.id())
                        .map(m -> !m.allianceName().equals(alliance.name())).orElse(false);
                if (stale) {
                    changing.change(member.schacCode(), i -> i.withAllianceRenamed(alliance));
                    renamed++;
                }
            }
            alliances.markPropagated(alliance.id(), pending.revision());
        }
        return renamed;
    }
}
