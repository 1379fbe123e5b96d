package eu.creditbridge.issuer.application;

import eu.creditbridge.issuer.domain.CredentialId;
import eu.creditbridge.issuer.domain.IssuedCredential;
import eu.creditbridge.issuer.domain.IssuerEvent;
import eu.creditbridge.issuer.domain.OutboxEntry;
import java.util.UUID;

/**
 * One event of a credential's outbox, claimed by a relay under the credential's lease.
 *
 * @param position   the event's place in the credential's outbox, for the conditional mark
 * @param leaseToken the lease the relay holds on the credential while it publishes
 */
public record PendingEvent(IssuedCredential credential, int position, OutboxEntry entry, UUID leaseToken) {

    public CredentialId credentialId() {
        return credential.id();
    }

    /** The event as the contract carries it, rebuilt from the credential. */
    public IssuerEvent event() {
        return credential.eventFor(entry);
    }

    /** The W3C trace context of the request that recorded the event (or null). */
    public String traceParent() {
        return entry.traceParent();
    }
}
