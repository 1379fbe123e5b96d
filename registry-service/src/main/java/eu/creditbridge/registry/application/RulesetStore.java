package eu.creditbridge.registry.application;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.registry.domain.Ruleset;
import eu.creditbridge.registry.domain.RulesetVersion;
import java.util.List;
import java.util.Optional;

/** Where ruleset versions live, one document per (institution, version), never rewritten. */
public interface RulesetStore {

    Optional<Ruleset> latest(SchacCode institution);

    Optional<Ruleset> find(SchacCode institution, RulesetVersion version);

    /** All versions of the institution's ruleset, oldest first. */
    List<Ruleset> versions(SchacCode institution);

    /**
     * Inserts a new version, pending publication.
     *
     * @return false when that version number was taken meanwhile (a concurrent publish won)
     */
    boolean insert(Ruleset ruleset);

    /** Versions not yet published, in version order per institution. */
    List<Ruleset> pendingPublication(int limit);

    void markPublished(SchacCode institution, RulesetVersion version);

    /**
     * Marks the institution's latest version pending publication again, so the relay sends it once more; false when
     * the institution has no ruleset.
     */
    boolean publishAgain(SchacCode institution);
}
