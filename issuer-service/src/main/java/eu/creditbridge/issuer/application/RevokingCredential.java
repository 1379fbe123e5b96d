package eu.creditbridge.issuer.application;

import eu.creditbridge.issuer.domain.CredentialId;
import eu.creditbridge.issuer.domain.IssuedCredential;
import eu.creditbridge.issuer.domain.IssuedCredential.RevocationDecision;
import java.time.Clock;

/**
 * Revokes a credential: the change from ISSUED to REVOKED and its CredentialRevoked event are one
 * conditional write, so two concurrent revocations revoke once and the second is refused.
 */
public class RevokingCredential {

    private final CredentialStore credentials;
    private final OutboxTrigger outbox;
    private final Clock clock;

    public RevokingCredential(CredentialStore credentials, OutboxTrigger outbox, Clock clock) {
        this.credentials = credentials;
        this.outbox = outbox;
        this.clock = clock;
    }

    public IssuedCredential revoke(CredentialId id, String reason) {
        var current = credentials.find(id).orElseThrow(() -> new CredentialNotFound(id));
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
        outbox.eventsRecorded(id);
        return revoked.credential();
    }
}
