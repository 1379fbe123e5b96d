package eu.creditbridge.issuer.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An event recorded together with the state change that caused it, and whether it has reached the
 * topic yet. The event's content is rebuilt from the credential when it is published, so the entry
 * holds only its identity and order.
 */
public record OutboxEntry(UUID eventId, EventKind kind, Instant occurredAt, Instant publishedAt) {

    public OutboxEntry {
        InvalidValueException.required(eventId, "the event id");
        InvalidValueException.required(kind, "the event kind");
        InvalidValueException.required(occurredAt, "the time of the event");
    }

    public static OutboxEntry pending(EventKind kind, Instant occurredAt) {
        return new OutboxEntry(UUID.randomUUID(), kind, occurredAt, null);
    }

    public boolean published() {
        return publishedAt != null;
    }
}
