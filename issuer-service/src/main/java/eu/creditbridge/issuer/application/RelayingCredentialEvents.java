package eu.creditbridge.issuer.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import eu.creditbridge.issuer.domain.CredentialId;
import eu.creditbridge.issuer.domain.IssuedCredential;
import eu.creditbridge.issuer.domain.OutboxEntry;
import eu.creditbridge.messaging.logging.CredentialLogContext;
import eu.creditbridge.messaging.tracing.OutboxTrace;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The outbox relay: publishes the events credentials recorded, in the order they were recorded, and
 * marks each published only after the publisher acknowledged it. A crash before the mark means the
 * event is published again (at least once; partners' consumers are idempotent), never lost.
 *
 * <p>A lease on the credential keeps two relays (a scheduled round and an immediate attempt, or two
 * instances) from publishing the same credential's events at once, which could put an issuance
 * behind its revocation. A lease left by a crashed relay simply expires.
 */
public class RelayingCredentialEvents {

    private static final Logger LOG = LoggerFactory.getLogger(RelayingCredentialEvents.class);

    private final CredentialStore credentials;
    private final EventPublisher publisher;
    private final Clock clock;
    private final Duration lease;
    private final int batchSize;
    private final PublicationGate gate;
    private final OutboxTrace trace;

    /** Whether an event may go out now; a signed credential waits until the registry lists its key. */
    @FunctionalInterface
    public interface PublicationGate {
        PublicationGate OPEN = credential -> true;

        boolean mayPublish(IssuedCredential credential);
    }

    public RelayingCredentialEvents(CredentialStore credentials, EventPublisher publisher, Clock clock,
                                    Duration lease, int batchSize) {
        this(credentials, publisher, clock, lease, batchSize, PublicationGate.OPEN);
    }

    public RelayingCredentialEvents(CredentialStore credentials, EventPublisher publisher, Clock clock,
                                    Duration lease, int batchSize, PublicationGate gate) {
        this(credentials, publisher, clock, lease, batchSize, gate, OutboxTrace.NONE);
    }

    /** @param trace continues, when an event is published, the trace of the request that recorded it */
    public RelayingCredentialEvents(CredentialStore credentials, EventPublisher publisher, Clock clock,
                                    Duration lease, int batchSize, PublicationGate gate, OutboxTrace trace) {
        this.trace = trace;
        this.credentials = credentials;
        this.publisher = publisher;
        this.clock = clock;
        this.lease = lease;
        this.batchSize = batchSize;
        this.gate = gate;
    }

    /**
     * Publishes the outbox's backlog batch after batch, until a batch comes back short (drained) or publishes nothing
     * (the broker is away, or other relays hold the leases); returns how many events were published. One batch per
     * round made a restarted issuer drain its backlog at {@code batchSize} credentials per relay interval.
     */
    public int relayPending() {
        int total = 0;
        while (true) {
            List<CredentialId> batch = credentials.withUnpublishedEvents(batchSize);
            int published = 0;
            for (CredentialId id : batch) {
                published += relay(id);
            }
            total += published;
            if (batch.size() < batchSize || published == 0) {
                return total;
            }
        }
    }

    /** Publishes one credential's unpublished events in order; stops at the first that fails. */
    public int relay(CredentialId id) {
        var token = UUID.randomUUID();
        var now = clock.instant();
        var leased = credentials.leaseForPublishing(id, token, now, now.plus(lease));
        if (leased.isEmpty()) {
            return 0;
        }
        var credential = leased.get();
        try (var logContext = CredentialLogContext.of(id, credential.credential().learnerId())) {
            return publishLeased(id, token, credential);
        }
    }

    private int publishLeased(CredentialId id, UUID token, IssuedCredential credential) {
        int published = 0;
        try {
            if (!credential.fullyPublished() && !gate.mayPublish(credential)) {
                LOG.info("Credential {} waits: the registry does not list its signing key yet", id);
                return 0;
            }
            var events = credential.events();
            for (int position = 0; position < events.size(); position++) {
                OutboxEntry entry = events.get(position);
                if (entry.published()) {
                    continue;
                }
                trace.continued(entry.traceParent(), "publish " + entry.kind(), () -> {
                    publisher.publish(credential.eventFor(entry));
                    LOG.info("Published {} of credential {}", entry.kind(), id);
                });
                credentials.markPublished(id, position, entry.eventId(), clock.instant());
                published++;
            }
        } catch (EventPublishingFailed e) {
            // Later events wait too: publishing them now would overtake the one that failed.
            LOG.warn("Publishing events of credential {} failed; the relay retries later", id, e);
        } finally {
            credentials.releaseLease(id, token);
        }
        return published;
    }
}
