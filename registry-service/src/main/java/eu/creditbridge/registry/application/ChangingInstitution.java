package eu.creditbridge.registry.application;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.registry.domain.ConflictingRegistryChange;
import eu.creditbridge.registry.domain.Institution;
import eu.creditbridge.registry.domain.UnknownRegistryEntry;
import java.time.Clock;
import java.util.function.UnaryOperator;

/**
 * Read-change-write of one institution document, conditional on its revision. There are no
 * multi-document transactions here, so concurrent changes are detected and the loser retries on
 * the fresh state.
 */
final class ChangingInstitution {

    private static final int ATTEMPTS = 5;

    private final InstitutionStore institutions;
    private final Clock clock;

    ChangingInstitution(InstitutionStore institutions, Clock clock) {
        this.institutions = institutions;
        this.clock = clock;
    }

    Institution change(SchacCode schacCode, UnaryOperator<Institution> change) {
        return change(schacCode, change, true);
    }

    /**
     * As {@link #change}, but a change that leaves the institution as it was is not written: an idempotent repeat
     * (the same key sent again) creates no revision and republishes nothing.
     */
    Institution changeIfDifferent(SchacCode schacCode, UnaryOperator<Institution> change) {
        return change(schacCode, change, false);
    }

    private Institution change(SchacCode schacCode, UnaryOperator<Institution> change, boolean evenIfSame) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Stored<Institution> current = institutions.find(schacCode)
                    .orElseThrow(() -> UnknownRegistryEntry.institution(schacCode));
            Institution changed = change.apply(current.value());
            if (!evenIfSame && changed.equals(current.value())) {
                return changed;
            }
            if (institutions.save(changed, current.revision(), clock.instant())) {
                return changed;
            }
        }
        throw new ConflictingRegistryChange("institution " + schacCode + " kept changing concurrently; try again");
    }
}
