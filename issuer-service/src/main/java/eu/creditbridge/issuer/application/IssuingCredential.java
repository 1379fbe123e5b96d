package eu.creditbridge.issuer.application;

import eu.creditbridge.issuer.domain.Credential;
import eu.creditbridge.issuer.domain.InvalidValueException;
import eu.creditbridge.issuer.domain.IssuedCredential;
import eu.creditbridge.security.Caller;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues a credential: signs it with its institution's key valid at the issue date, stores it with its
 * signature and its CredentialIssued event in one write, then asks for the event to be published. The credential id makes a retry safe: the same id with the same content
 * returns what was issued the first time and issues nothing new.
 *
 * <p>Only the issuing institution itself issues ({@link ActingForTheIssuer}); a joint credential is issued by its
 * first awarding body, which the domain requires to be the issuing institution.
 */
public class IssuingCredential {

    private static final Logger LOG = LoggerFactory.getLogger(IssuingCredential.class);

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
    private final KeepingSigningKeys keys;
    private final CredentialSigner signer;

    public IssuingCredential(CredentialStore credentials, OutboxTrigger outbox, Clock clock, KeepingSigningKeys keys,
                             CredentialSigner signer) {
        this.credentials = credentials;
        this.outbox = outbox;
        this.clock = clock;
        this.keys = keys;
        this.signer = signer;
    }

    /** @throws NotTheIssuer before anything is signed, stored or a key made, if the caller does not act for the issuer */
    public Issuance issue(Credential credential, Caller caller) {
        ActingForTheIssuer.mayChange(caller, credential.issuingInstitution(), "issue");
        // Tomorrow is still allowed: the issuer's calendar day may already have begun east of UTC.
        if (credential.issuedOn().isAfter(LocalDate.now(clock).plusDays(1))) {
            throw new InvalidValueException("issuedOn", "must not be in the future");
        }
        // Signed before it is stored, so the stored credential and every copy of its event carry one signature.
        var signature = signer.sign(credential, keys.keyFor(credential.issuingInstitution(), credential.issuedOn()));
        var issued = IssuedCredential.issue(credential, signature, clock.instant());
        if (credentials.insert(issued)) {
            LOG.info("Issued credential {} ({}, {} ECTS) to a learner of {}, as {}", credential.id(), credential.title(),
                    credential.ectsCredits(), credential.learner().homeInstitution(), caller.name());
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
