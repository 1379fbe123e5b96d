package eu.creditbridge.registry.application;

import eu.creditbridge.registry.domain.Alliance;
import eu.creditbridge.registry.domain.ConflictingRegistryChange;
import java.util.Optional;

/** Creates an alliance or replaces its name and description; a new name reaches every member's published state. */
public class DefiningAlliance {

    private final AllianceStore alliances;
    private final PropagatingAllianceNames propagation;

    public DefiningAlliance(AllianceStore alliances, PropagatingAllianceNames propagation) {
        this.alliances = alliances;
        this.propagation = propagation;
    }

    /** @return true when the alliance was created */
    public boolean define(Alliance alliance) {
        Optional<Stored<Alliance>> current = alliances.find(alliance.id());
        if (!alliances.save(alliance, current.map(Stored::revision).orElse(0L))) {
            throw new ConflictingRegistryChange("alliance " + alliance.id() + " changed concurrently; try again");
        }
        // Done at once for a prompt answer; if the process dies first, the relay finishes the job.
        propagation.propagatePending();
        return current.isEmpty();
    }
}
