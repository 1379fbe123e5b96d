package eu.creditbridge.registry.application;

import eu.creditbridge.registry.domain.ConflictingRegistryChange;
import eu.creditbridge.registry.domain.Institution;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Creates an institution, or replaces its details (name, codes, grading) keeping its memberships and merging its signing keys. */
public class RegisteringInstitution {

    private static final int ATTEMPTS = 5;

    private final InstitutionStore institutions;
    private final Clock clock;

    public RegisteringInstitution(InstitutionStore institutions, Clock clock) {
        this.institutions = institutions;
        this.clock = clock;
    }

    public record Registered(Institution institution, boolean created) {
    }

    public Registered register(Institution details) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Stored<Institution>> current = institutions.find(details.schacCode());
            Institution next = current.map(c -> c.value().withDetailsOf(details)).orElseGet(() -> withoutMemberships(details));
            long expected = current.map(Stored::revision).orElse(0L);
            if (institutions.save(next, expected, clock.instant())) {
                return new Registered(next, current.isEmpty());
            }
        }
        throw new ConflictingRegistryChange("institution " + details.schacCode() + " kept changing concurrently; try again");
    }

    /** Memberships are granted by alliances, never by the institution's own PUT. */
    private static Institution withoutMemberships(Institution details) {
        return new Institution(details.schacCode(), details.erasmusCode(), details.name(), details.country(),
                details.gradingScheme(), details.gradingTable(), details.signingKeys(), List.of());
    }
}
