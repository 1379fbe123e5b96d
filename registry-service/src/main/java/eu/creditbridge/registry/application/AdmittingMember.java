package eu.creditbridge.registry.application;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.registry.domain.Alliance;
import eu.creditbridge.registry.domain.AllianceId;
import eu.creditbridge.registry.domain.Institution;
import eu.creditbridge.registry.domain.Membership;
import eu.creditbridge.registry.domain.UnknownRegistryEntry;
import java.time.Clock;
import java.time.LocalDate;

/** An institution joins an alliance (or its first day of membership is corrected). */
public class AdmittingMember {

    private final AllianceStore alliances;
    private final ChangingInstitution changing;

    public AdmittingMember(AllianceStore alliances, InstitutionStore institutions, Clock clock) {
        this.alliances = alliances;
        this.changing = new ChangingInstitution(institutions, clock);
    }

    public Membership admit(AllianceId allianceId, SchacCode schacCode, LocalDate memberSince) {
        Alliance alliance = alliances.find(allianceId).map(Stored::value)
                .orElseThrow(() -> UnknownRegistryEntry.alliance(allianceId));
        Institution changed = changing.change(schacCode, i -> i.admittedTo(alliance, memberSince));
        return changed.membershipOf(allianceId).orElseThrow();
    }
}
