package eu.creditbridge.registry.application;

import eu.creditbridge.registry.domain.Alliance;
import eu.creditbridge.registry.domain.ConflictingRegistryChange;
import eu.creditbridge.security.Caller;
import java.util.Optional;

/**
 * Creates an alliance or replaces its name and description; a new name reaches every member's published state.
 * Only the platform admin creates an alliance; its own alliance admin or the platform admin changes it.
 */
public class DefiningAlliance {

    private final AllianceStore alliances;
    private final PropagatingAllianceNames propagation;

    public DefiningAlliance(AllianceStore alliances, PropagatingAllianceNames propagation) {
        this.alliances = alliances;
        this.propagation = propagation;
    }

    /**
     * @return true when the alliance was created
     * @throws NotPermitted before anything is stored, when the caller may not create or change this alliance
     */
    public boolean define(Caller caller, Alliance alliance) {
        Optional<Stored<Alliance>> current = alliances.find(alliance.id());
        RegistryPermissions.mayDefine(caller, alliance.id(), current.isPresent());
        if (!alliances.save(alliance, current.map(Stored::revision).orElse(0L))) {
            throw new ConflictingRegistryChange("alliance " + alliance.id() + " changed concurrently; try again");
        }
        // Done at once for a prompt answer; if the process dies first, the relay finishes the job.
        propagation.propagatePending();
        return current.isEmpty();
    }
}
