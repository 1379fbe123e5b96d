package eu.creditbridge.registry.application;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.registry.domain.AllianceId;
import eu.creditbridge.registry.domain.Institution;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where institutions (with their memberships) live, one document each, with their outbox mark. */
public interface InstitutionStore {

    Optional<Stored<Institution>> find(SchacCode schacCode);

    List<Institution> all();

    List<Institution> membersOf(AllianceId allianceId);

    /**
     * Stores the institution as revision {@code expectedRevision + 1} and marks it pending publication,
     * in one single-document write. Inserts when {@code expectedRevision} is 0.
     *
     * @return false when someone else changed (or created) it meanwhile; the caller reloads and retries
     */
    boolean save(Institution institution, long expectedRevision, Instant updatedAt);

    /** Institutions whose current revision has not been published yet, oldest change first. */
    List<Stored<Institution>> pendingPublication(int limit);

    /** Marks the revision published, unless a newer revision arrived meanwhile (that one stays pending). */
    void markPublished(SchacCode schacCode, long revision);

    /**
     * Marks the institution's current revision pending publication again, so the relay sends it once more; false when
     * the store does not hold the institution.
     */
    boolean publishAgain(SchacCode schacCode);

    boolean isEmpty();
}
