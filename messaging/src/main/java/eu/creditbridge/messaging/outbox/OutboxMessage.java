package eu.creditbridge.messaging.outbox;

import java.util.Objects;

/**
 * One record an outbox owes the broker: where it goes, under which key, and the trace of the work that wrote it.
 *
 * @param topic       the topic
 * @param key         the record key (a learner, a SCHAC code); records under one key keep their order on one partition
 * @param value       the value, serialised by the producer's configured serializer
 * @param traceParent the W3C {@code traceparent} of the writer, so the send continues its trace; null sends in whatever
 *                    trace is in scope (a listener publishing what it has just written)
 */
public record OutboxMessage<V>(String topic, String key, V value, String traceParent) {

    public OutboxMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
    }

    /** A message sent in the trace in scope. */
    public static <V> OutboxMessage<V> of(String topic, String key, V value) {
        return new OutboxMessage<>(topic, key, value, null);
    }
}
