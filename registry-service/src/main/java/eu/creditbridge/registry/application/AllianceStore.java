package eu.creditbridge.registry.application;

import eu.creditbridge.registry.domain.Alliance;
import eu.creditbridge.registry.domain.AllianceId;
import java.util.List;
import java.util.Optional;

/**
 * Where alliances live. A renamed alliance must be copied into its members' documents; the
 * alliance document keeps that job pending until done, so a crash in between loses nothing.
 */
public interface AllianceStore {

    Optional<Stored<Alliance>> find(AllianceId id);

    List<Alliance> all();

    /** Stores the alliance as revision {@code expectedRevision + 1}, pending propagation; false on a concurrent change. */
    boolean save(Alliance alliance, long expectedRevision);

    List<Stored<Alliance>> pendingPropagation();

    void markPropagated(AllianceId id, long revision);
}
