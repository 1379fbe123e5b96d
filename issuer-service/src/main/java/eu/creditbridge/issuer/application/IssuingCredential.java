package eu.creditbridge.issuer.application;

import eu.creditbridge.issuer.domain.Credential;
import eu.creditbridge.issuer.domain.CredentialId;
import eu.creditbridge.issuer.domain.InvalidValueException;
import eu.creditbridge.issuer.domain.IssuedCredential;
import eu.creditbridge.messaging.logging.CredentialLogContext;
import eu.creditbridge.security.Caller;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
        var issued = signed(credential, caller);
        if (credentials.insert(issued)) {
            recorded(issued, caller);
            return new Issuance.Issued(issued);
        }
        return repeated(credential, credentials.find(credential.id()).orElseThrow(() -> new CredentialNotFound(credential.id())));
    }

    /** One credential of a batch: issued (or the repeat of an earlier identical request), or refused. */
    public sealed interface BatchOutcome {

        record Accepted(Issuance issuance) implements BatchOutcome {
        }

        /** @param reason what the single request would have been refused with ({@link NotTheIssuer}, ...) */
        record Refused(CredentialId credentialId, RuntimeException reason) implements BatchOutcome {
        }
    }

    /**
     * Issues a batch as {@link #issue} issues one credential (same checks, scope, signing and idempotence per
     * credential id), stored in one bulk write. A credential refused does not hold up the others.
     *
     * @return one outcome per credential, in the batch's order
     */
    public List<BatchOutcome> issueAll(List<Credential> batch, Caller caller) {
        BatchOutcome[] outcomes = new BatchOutcome[batch.size()];
        List<IssuedCredential> signed = new ArrayList<>(batch.size());
        List<Integer> positions = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            try {
                signed.add(signed(batch.get(i), caller));
                positions.add(i);
            } catch (NotTheIssuer | InvalidValueException refused) {
                outcomes[i] = new BatchOutcome.Refused(batch.get(i).id(), refused);
            }
        }
        Set<Integer> existing = credentials.insertAll(signed);
        Map<CredentialId, IssuedCredential> stored = credentials.findAll(
                existing.stream().map(j -> signed.get(j).credential().id()).toList());
        for (int j = 0; j < signed.size(); j++) {
            IssuedCredential issued = signed.get(j);
            CredentialId id = issued.credential().id();
            if (!existing.contains(j)) {
                recorded(issued, caller);
                outcomes[positions.get(j)] = new BatchOutcome.Accepted(new Issuance.Issued(issued));
            } else {
                try {
                    IssuedCredential earlier = Optional.ofNullable(stored.get(id)).orElseThrow(() -> new CredentialNotFound(id));
                    outcomes[positions.get(j)] = new BatchOutcome.Accepted(repeated(issued.credential(), earlier));
                } catch (CredentialIdConflict | CredentialNotFound refused) {
                    outcomes[positions.get(j)] = new BatchOutcome.Refused(id, refused);
                }
            }
        }
        return List.of(outcomes);
    }

    /** Checked, scoped and signed: the credential as it will be stored. */
    private IssuedCredential signed(Credential credential, Caller caller) {
        ActingForTheIssuer.mayChange(caller, credential.issuingInstitution(), "issue");
        // Tomorrow is still allowed: the issuer's calendar day may already have begun east of UTC.
        if (credential.issuedOn().isAfter(LocalDate.now(clock).plusDays(1))) {
            throw new InvalidValueException("issuedOn", "must not be in the future");
        }
        // Signed before it is stored, so the stored credential and every copy of its event carry one signature.
        var signature = signer.sign(credential, keys.keyFor(credential.issuingInstitution(), credential.issuedOn()));
        return IssuedCredential.issue(credential, signature, clock.instant());
    }

    private void recorded(IssuedCredential issued, Caller caller) {
        Credential credential = issued.credential();
        try (var logContext = CredentialLogContext.of(credential.id(), credential.learnerId())) {
            LOG.info("Issued credential {} ({}, {} ECTS) to a learner of {}, as {}", credential.id(), credential.title(),
                    credential.ectsCredits(), credential.learner().homeInstitution(), caller.name());
        }
        outbox.eventsRecorded(credential.id());
    }

    /** The same id again: a retry if the content is the same, a conflict if not. */
    private static Issuance repeated(Credential credential, IssuedCredential existing) {
        if (!existing.credential().equals(credential)) {
            throw new CredentialIdConflict(credential.id());
        }
        return new Issuance.AlreadyIssued(existing);
    }
}
