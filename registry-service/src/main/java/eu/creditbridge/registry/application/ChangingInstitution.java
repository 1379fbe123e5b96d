package eu.creditbridge.registry.application;

import eu.creditbridge.registry.domain.ConflictingRegistryChange;
import eu.creditbridge.registry.domain.Institution;
import eu.creditbridge.registry.domain.SchacCode;
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
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Stored<Institution> current = institutions.find(schacCode)
                    .orElseThrow(() -> UnknownRegistryEntry.institution(schacCode));
            Institution changed = change.apply(current.value());
            if (institutions.save(changed, current.revision(), clock.instant())) {
                return changed;
            }
        }
        throw new ConflictingRegistryChange("institution " + schacCode + " kept changing concurrently; try again");
    }
}
