package eu.creditbridge.issuer.application;

import eu.creditbridge.issuer.domain.CredentialId;
import eu.creditbridge.issuer.domain.IssuedCredential;
import eu.creditbridge.issuer.domain.IssuedCredential.RevocationDecision;
import eu.creditbridge.security.Caller;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Revokes a credential: the change from ISSUED to REVOKED and its CredentialRevoked event are one
 * conditional write, so two concurrent revocations revoke once and the second is refused. Only the credential's
 * issuing institution revokes it ({@link ActingForTheIssuer}).
 */
public class RevokingCredential {

    private static final Logger LOG = LoggerFactory.getLogger(RevokingCredential.class);

    private final CredentialStore credentials;
    private final OutboxTrigger outbox;
    private final Clock clock;

    public RevokingCredential(CredentialStore credentials, OutboxTrigger outbox, Clock clock) {
        this.credentials = credentials;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @throws NotTheIssuer, changing nothing, if the caller does not act for the credential's issuer */
    public IssuedCredential revoke(CredentialId id, String reason, Caller caller) {
        var current = credentials.find(id).orElseThrow(() -> new CredentialNotFound(id));
        ActingForTheIssuer.mayChange(caller, current.credential().issuingInstitution(), "revoke");
        // Java 17 has no pattern matching in switch yet; the decision has exactly these two kinds.
        RevocationDecision decision = current.revoke(reason, clock.instant());
        if (decision instanceof RevocationDecision.Refused refused) {
            throw new RevocationRefused(refused.reason());
        }
        var revoked = (RevocationDecision.Revoked) decision;
        if (!credentials.recordRevocation(id, revoked.credential().revocation(), revoked.event())) {
            // Someone revoked it between our read and our write; theirs stands.
            throw new RevocationRefused("credential " + id + " was revoked by another request");
        }
        LOG.info("Revoked credential {} of {}, as {}", id, current.credential().issuingInstitution(), caller.name());
        outbox.eventsRecorded(id);
        return revoked.credential();
    }
}
