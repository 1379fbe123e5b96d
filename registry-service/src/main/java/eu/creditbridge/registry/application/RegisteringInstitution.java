package eu.creditbridge.registry.application;

import eu.creditbridge.registry.domain.ConflictingRegistryChange;
import eu.creditbridge.registry.domain.Institution;
import eu.creditbridge.registry.domain.SigningKey;
import eu.creditbridge.security.Caller;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Creates an institution, or replaces its details (name, codes, grading) keeping its memberships, its issuer
 * principals and its compromise trail, and merging its signing keys. A new institution is registered by an alliance
 * admin or the platform admin; an existing one is changed by its own admin or the platform admin.
 */
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

    /** @throws NotPermitted before anything is stored, when the caller may not create or change this institution */
    public Registered register(Caller caller, Institution details) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Stored<Institution>> current = institutions.find(details.schacCode());
            RegistryPermissions.mayRegister(caller, details.schacCode(), current.isPresent());
            RegistryPermissions.mayListKeysInRecord(caller, current.map(Stored::value).orElse(null), details);
            Institution next = current.map(c -> c.value().withDetailsOf(details)).orElseGet(() -> newInstitution(details));
            // New keys sent in the record pass the same check as keys sent one by one: recognition trusts whatever is listed.
            details.signingKeys().stream()
                    .filter(k -> current.map(c -> c.value().signingKey(k.keyId()).isEmpty()).orElse(true))
                    .forEach(RegisteringSigningKey::check);
            long expected = current.map(Stored::revision).orElse(0L);
            if (institutions.save(next, expected, clock.instant())) {
                return new Registered(next, current.isEmpty());
            }
        }
        throw new ConflictingRegistryChange("institution " + details.schacCode() + " kept changing concurrently; try again");
    }

    /**
     * Memberships are granted by alliances and issuer principals named by alliance admins, never by the institution's
     * own PUT; a key is never registered compromised.
     */
    private static Institution newInstitution(Institution details) {
        List<SigningKey> keys = details.signingKeys().stream()
                .map(k -> new SigningKey(k.keyId(), k.algorithm(), k.publicKey(), k.validFrom(), k.validUntil())).toList();
        return new Institution(details.schacCode(), details.erasmusCode(), details.name(), details.country(),
                details.gradingScheme(), details.gradingTable(), keys, List.of());
    }
}
