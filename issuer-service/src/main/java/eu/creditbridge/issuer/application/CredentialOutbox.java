package eu.creditbridge.issuer.application;

import eu.creditbridge.issuer.domain.CredentialId;
import eu.creditbridge.issuer.domain.IssuedCredential;
import eu.creditbridge.messaging.logging.CredentialLogContext;
import eu.creditbridge.messaging.outbox.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The issuer's outbox as the shared relay ({@code messaging}'s {@code OutboxRelay}) sees it: the events credentials
 * recorded, claimed in the order they were recorded, and each marked published only after the broker acknowledged it
 * (a crash before the mark publishes it again: at least once, partners' consumers are idempotent; never lost).
 *
 * <p>A lease on the credential keeps two relays (a scheduled round and one asked for right after a request, or two
 * instances) from publishing the same credential's events at once, which could put an issuance behind its
 * revocation; the relay keeps a credential's events in order by their order key, the credential. A lease left by a
 * crashed relay simply expires.
 */
public class CredentialOutbox implements Outbox<PendingEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialOutbox.class);

    private final CredentialStore credentials;
    private final Clock clock;
    private final Duration lease;
    private final PublicationGate gate;

    /** Whether an event may go out now; a signed credential waits until the registry lists its key. */
    @FunctionalInterface
    public interface PublicationGate {
        PublicationGate OPEN = credential -> true;

        boolean mayPublish(IssuedCredential credential);
    }

    public CredentialOutbox(CredentialStore credentials, Clock clock, Duration lease) {
        this(credentials, clock, lease, PublicationGate.OPEN);
    }

    public CredentialOutbox(CredentialStore credentials, Clock clock, Duration lease, PublicationGate gate) {
        this.credentials = credentials;
        this.clock = clock;
        this.lease = lease;
        this.gate = gate;
    }

    /** The unpublished events of up to {@code limit} credentials, oldest credential first, each credential leased. */
    @Override
    public List<PendingEvent> claim(int limit) {
        List<PendingEvent> claimed = new ArrayList<>();
        for (CredentialId id : credentials.withUnpublishedEvents(limit)) {
            var token = UUID.randomUUID();
            var now = clock.instant();
            var leased = credentials.leaseForPublishing(id, token, now, now.plus(lease));
            if (leased.isEmpty()) {
                continue; // another relay publishes it right now
            }
            var credential = leased.get();
            var events = unpublishedEvents(credential, token);
            if (events.isEmpty()) {
                credentials.releaseLease(id, token);
            }
            claimed.addAll(events);
        }
        return claimed;
    }

    private List<PendingEvent> unpublishedEvents(IssuedCredential credential, UUID token) {
        try (var logContext = CredentialLogContext.of(credential.id(), credential.credential().learnerId())) {
            if (!credential.fullyPublished() && !gate.mayPublish(credential)) {
                LOG.info("Credential {} waits: the registry does not list its signing key yet", credential.id());
                return List.of();
            }
        } catch (RuntimeException e) {
            LOG.warn("Credential {} waits: whether its signing key is listed could not be told", credential.id(), e);
            return List.of();
        }
        List<PendingEvent> pending = new ArrayList<>();
        var events = credential.events();
        for (int position = 0; position < events.size(); position++) {
            if (!events.get(position).published()) {
                pending.add(new PendingEvent(credential, position, events.get(position), token));
            }
        }
        return pending;
    }

    @Override
    public String orderKey(PendingEvent event) {
        return event.credentialId().value().toString();
    }

    @Override
    public void published(List<PendingEvent> events) {
        var now = clock.instant();
        for (PendingEvent event : events) {
            credentials.markPublished(event.credentialId(), event.position(), event.entry().eventId(), now);
            try (var logContext = CredentialLogContext.of(event.credentialId(), event.credential().credential().learnerId())) {
                LOG.info("Published {} of credential {}", event.entry().kind(), event.credentialId());
            }
        }
    }

    /** Every credential's lease taken by the claim, once. */
    @Override
    public void release(List<PendingEvent> claimed) {
        Map<CredentialId, UUID> leases = new LinkedHashMap<>();
        claimed.forEach(event -> leases.put(event.credentialId(), event.leaseToken()));
        leases.forEach(credentials::releaseLease);
    }
}
