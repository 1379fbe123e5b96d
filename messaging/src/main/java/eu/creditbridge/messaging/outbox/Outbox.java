package eu.creditbridge.messaging.outbox;

import java.util.List;

/**
 * A service's outbox as the relay sees it: the port each service implements over its own documents (credentials with
 * their events, decisions with their published revision, registry entries with theirs). The relay
 * ({@link OutboxRelay}) is the same for all: claim, publish, mark what was acknowledged, release.
 *
 * @param <E> one entry owed to the broker
 */
public interface Outbox<E> {

    /**
     * Up to {@code limit} entries due now, in the order they must reach the broker. May take a claim on them (a lease)
     * so another relay leaves them alone until {@link #release}.
     */
    List<E> claim(int limit);

    /**
     * Entries that must keep their order share an order key (a credential's events, a SCHAC code's changes): when one
     * is not acknowledged, the later ones of its key stay pending too.
     */
    String orderKey(E entry);

    /** Marks these entries published: the broker acknowledged every one. */
    void published(List<E> entries);

    /** Gives back whatever {@link #claim} took, published or not; called once per claim, also after a failure. */
    default void release(List<E> claimed) {
    }
}
