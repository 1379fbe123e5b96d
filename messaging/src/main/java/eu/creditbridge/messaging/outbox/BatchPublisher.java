package eu.creditbridge.messaging.outbox;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Sends a list of records and says which the broker acknowledged ({@link KafkaBatchPublisher} on Kafka: sent
 * asynchronously, confirmed once for the whole list). Never throws for a record that was not acknowledged: the
 * {@link Confirmation} says so, and the caller's outbox keeps it pending.
 *
 * @param <T> what is published: an {@link OutboxMessage}, or a service's own entry mapped to one with {@link #from}
 */
@FunctionalInterface
public interface BatchPublisher<T> {

    Confirmation publish(List<T> items);

    /** This publisher for items of another type, mapped on the way (an outbox entry to its contract record). */
    default <E> BatchPublisher<E> from(Function<E, ? extends T> mapping) {
        return items -> publish(items.stream().<T>map(mapping).toList());
    }

    /**
     * A publisher over a blocking single send (a test's recording fake): each item in turn, stopping at the first that
     * throws, so nothing after a failure is confirmed.
     */
    static <T> BatchPublisher<T> oneByOne(Consumer<T> send) {
        return items -> {
            for (int position = 0; position < items.size(); position++) {
                try {
                    send.accept(items.get(position));
                } catch (RuntimeException e) {
                    return Confirmation.upTo(items.size(), position, e);
                }
            }
            return Confirmation.all(items.size());
        };
    }
}
