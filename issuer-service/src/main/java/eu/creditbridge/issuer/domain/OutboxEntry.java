package eu.creditbridge.issuer.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An event recorded together with the state change that caused it, and whether it has reached the
 * topic yet. The event's content is rebuilt from the credential when it is published, so the entry
 * holds only its identity and order.
 *
 * @param traceParent the trace context of the request that recorded the event (W3C {@code traceparent}), kept so
 *                    the relay's publish continues that request's trace; opaque here, null when nothing was traced
 */
public record OutboxEntry(UUID eventId, EventKind kind, Instant occurredAt, Instant publishedAt, String traceParent) {

    public OutboxEntry {
        InvalidValueException.required(eventId, "the event id");
        InvalidValueException.required(kind, "the event kind");
        InvalidValueException.required(occurredAt, "the time of the event");
    }

    public OutboxEntry(UUID eventId, EventKind kind, Instant occurredAt, Instant publishedAt) {
        this(eventId, kind, occurredAt, publishedAt, null);
    }

    public static OutboxEntry pending(EventKind kind, Instant occurredAt) {
        return new OutboxEntry(UUID.randomUUID(), kind, occurredAt, null);
    }

    public boolean published() {
        return publishedAt != null;
    }
}
