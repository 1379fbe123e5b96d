package eu.creditbridge.messaging.tracing;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Carries a trace across an outbox. The request that writes an outbox entry is traced, but the relay that later
 * publishes it runs on another thread, often in another round, with no trace in scope; so the entry keeps the
 * W3C {@code traceparent} of its writer ({@link #current()}) and the relay publishes inside a span continuing it
 * ({@link #continued}). The Kafka producer's observation then puts a {@code traceparent} of that trace into the
 * record's headers, and the consumer's observation continues it in the next service.
 *
 * <p>The value is opaque to everything else: stores keep it as text, domains never look at it.
 */
public interface OutboxTrace {

    /** Nothing is traced: nothing to keep, and work runs as it is. */
    OutboxTrace NONE = new OutboxTrace() {
        @Override
        public Optional<String> current() {
            return Optional.empty();
        }

        @Override
        public <T> T continued(String traceParent, String spanName, Supplier<T> work) {
            return work.get();
        }
    };

    /** The W3C {@code traceparent} of the span in scope on this thread, if any. */
    Optional<String> current();

    /** {@link #current()} or null, for a document field. */
    default String currentOrNull() {
        return current().orElse(null);
    }

    /**
     * Runs {@code work} in a new span named {@code spanName}, a child of {@code traceParent}; the caller's own
     * scope is restored afterwards. A null or unreadable {@code traceParent} (an entry written before tracing, or
     * by an untraced writer) starts a new trace instead.
     */
    <T> T continued(String traceParent, String spanName, Supplier<T> work);

    /** As {@link #continued(String, String, Supplier)} for work that returns nothing. */
    default void continued(String traceParent, String spanName, Runnable work) {
        continued(traceParent, spanName, () -> {
            work.run();
            return null;
        });
    }
}
