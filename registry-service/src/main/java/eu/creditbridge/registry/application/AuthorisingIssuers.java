package eu.creditbridge.registry.application;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.registry.domain.Institution;
import eu.creditbridge.security.Caller;
import java.time.Clock;
import java.util.List;

/**
 * An alliance admin names the machine accounts that may register a member institution's signing keys besides its
 * own admin — the issuer-service that issues for it. Stored with the institution and shown in its record; not part of
 * the published contract, because recognition verifies signatures, not who registered the key.
 */
public class AuthorisingIssuers {

    private final ChangingInstitution changing;

    public AuthorisingIssuers(InstitutionStore institutions, Clock clock) {
        this.changing = new ChangingInstitution(institutions, clock);
    }

    /**
     * Replaces the list.
     *
     * @throws NotPermitted unless the caller administers an alliance the institution belongs to, or is the platform admin
     */
    public Institution authorise(Caller caller, SchacCode schacCode, List<String> principals) {
        return changing.changeIfDifferent(schacCode, current -> {
            RegistryPermissions.mayNameIssuers(caller, current);
            return current.withIssuerPrincipals(principals);
        });
    }
}
