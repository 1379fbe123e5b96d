package eu.creditbridge.registry.application;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.registry.domain.Institution;
import eu.creditbridge.registry.domain.KeyCompromise;
import eu.creditbridge.registry.domain.SigningKey;
import eu.creditbridge.security.Caller;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * An institution's admin reports that a signing key's private part is compromised from a day: the key is published
 * with {@code compromisedFrom}, so recognition stops trusting credentials it signed from that day on, and the report
 * (who, when, why, which key) joins the institution's audit trail in the same write. Who may report is decided by the
 * path alone (the institution's admin or the platform admin), in the filter chain; the caller is passed for the trail.
 */
public class ReportingKeyCompromise {

    private final ChangingInstitution changing;
    private final Clock clock;

    public ReportingKeyCompromise(InstitutionStore institutions, Clock clock) {
        this.changing = new ChangingInstitution(institutions, clock);
        this.clock = clock;
    }

    /** @param changed false when the key was already compromised from that very day (an idempotent repeat) */
    public record Reported(SigningKey key, boolean changed) {
    }

    /**
     * @throws eu.creditbridge.registry.domain.ConflictingRegistryChange when the key is compromised from an earlier day
     * @throws eu.creditbridge.registry.domain.UnknownRegistryEntry when the institution or the key is not listed
     */
    public Reported report(Caller caller, SchacCode schacCode, String keyId, LocalDate from, String reason) {
        KeyCompromise report = new KeyCompromise(keyId, from, null, reason, caller.name(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        boolean[] changed = {false};
        Institution after = changing.changeIfDifferent(schacCode, current -> {
            Institution next = current.withKeyCompromised(report);
            changed[0] = !next.equals(current);
            return next;
        });
        return new Reported(after.signingKey(keyId).orElseThrow(), changed[0]);
    }
}
