package eu.creditbridge.issuer.application;

import eu.creditbridge.issuer.domain.Credential;
import eu.creditbridge.issuer.domain.InvalidValueException;
import eu.creditbridge.issuer.domain.IssuedCredential;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Issues a credential: stores it with its CredentialIssued event in one write, then asks for the
 * event to be published. The credential id makes a retry safe: the same id with the same content
 * returns what was issued the first time and issues nothing new.
 */
public class IssuingCredential {

    /** Outcome of an issue request: newly issued, or the repeat of an earlier identical request. */
    public sealed interface Issuance {
        IssuedCredential credential();

        record Issued(IssuedCredential credential) implements Issuance {
        }

        record AlreadyIssued(IssuedCredential credential) implements Issuance {
        }
    }

    private final CredentialStore credentials;
    private final OutboxTrigger outbox;
    private final Clock clock;

    public IssuingCredential(CredentialStore credentials, OutboxTrigger outbox, Clock clock) {
        this.credentials = credentials;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Issuance issue(Credential credential) {
        // Tomorrow is still allowed: the issuer's calendar day may already have begun east of UTC.
        if (credential.issuedOn().isAfter(LocalDate.now(clock).plusDays(1))) {
            throw new InvalidValueException("issuedOn", "must not be in the future");
        }
        var issued = IssuedCredential.issue(credential, clock.instant());
        if (credentials.insert(issued)) {
            outbox.eventsRecorded(credential.id());
            return new Issuance.Issued(issued);
        }
        var existing = credentials.find(credential.id()).orElseThrow(() -> new CredentialNotFound(credential.id()));
        if (!existing.credential().equals(credential)) {
            throw new CredentialIdConflict(credential.id());
        }
        return new Issuance.AlreadyIssued(existing);
    }
}
