package eu.creditbridge.registry.application;

import eu.creditbridge.kernel.InvalidValue;
import eu.creditbridge.kernel.SchacCode;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts an institution's last good entry back on top of a trust topic after a record under its key that no reader can
 * use (unreadable bytes, a value for another institution, an operator's replay of an old one).
 *
 * <p>The topics are compacted: once the log is compacted, only the newest record of a key is kept, so a poisoned record
 * would replace the institution's entry and, after a restart, every recognition-service would no longer know it.
 * Readers skip what they cannot read and keep what they had; this makes the log agree with them. The store's current
 * state is marked for publication again, so the outbox relay — the topics' one writer — sends it after the bad record.
 */
public class RestoringTrustEntry {

    /** Which trust topic the record was on. */
    public enum TrustTopic { INSTITUTIONS, RULESETS }

    private static final Logger log = LoggerFactory.getLogger(RestoringTrustEntry.class);

    private final InstitutionStore institutions;
    private final RulesetStore rulesets;

    public RestoringTrustEntry(InstitutionStore institutions, RulesetStore rulesets) {
        this.institutions = institutions;
        this.rulesets = rulesets;
    }

    /**
     * @param key the record's key, as it came
     * @return the institution whose entry is sent again; empty when the key names nothing the registry holds (then
     *         there is no good entry to lose)
     */
    public Optional<SchacCode> restore(TrustTopic topic, String key) {
        Optional<SchacCode> institution = schacCode(key);
        if (institution.isEmpty()) {
            log.warn("A record under key '{}' on the {} topic names no institution: nothing to restore", key, topic);
            return Optional.empty();
        }
        boolean held = switch (topic) {
            case INSTITUTIONS -> institutions.publishAgain(institution.get());
            case RULESETS -> rulesets.publishAgain(institution.get());
        };
        if (!held) {
            log.warn("A record under key '{}' on the {} topic names nothing the registry holds: nothing to restore", key, topic);
            return Optional.empty();
        }
        log.warn("Publishing the {} entry of {} again, after a record no reader can use", topic, institution.get());
        return institution;
    }

    private static Optional<SchacCode> schacCode(String key) {
        if (key == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(SchacCode.lenient(key));
        } catch (InvalidValue e) {
            return Optional.empty();
        }
    }
}
