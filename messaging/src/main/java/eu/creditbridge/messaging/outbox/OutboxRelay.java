package eu.creditbridge.messaging.outbox;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one relay loop of every outbox (the Debezium outbox pattern's relay, as infrastructure): claims a batch of due
 * entries, publishes them with one {@link BatchPublisher} call (sent together, confirmed once), marks published the
 * acknowledged ones that overtake nothing of their key, releases the claim. An entry is marked only after its
 * acknowledgement, so a crash in between publishes it again (at least once; consumers are idempotent), never loses it.
 *
 * @param <E> the service's outbox entry
 */
public class OutboxRelay<E> {

    /** A round stops after this many batches even if more keeps coming, so one round always ends. */
    static final int MAX_BATCHES_PER_ROUND = 1_000;

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final String name;
    private final Outbox<E> outbox;
    private final BatchPublisher<E> publisher;
    private final int batchSize;

    /**
     * @param name      the outbox, as the backlog metric names it ({@code credentials}, {@code decisions}, ...), for logs
     * @param batchSize entries claimed and published together
     */
    public OutboxRelay(String name, Outbox<E> outbox, BatchPublisher<E> publisher, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive: " + batchSize);
        }
        this.name = name;
        this.outbox = outbox;
        this.publisher = publisher;
        this.batchSize = batchSize;
    }

    public String name() {
        return name;
    }

    /**
     * Publishes the backlog batch after batch until a batch comes back short (drained) or publishes nothing (the broker
     * is away, or other relays hold the claims). One batch per round made a restarted service drain its backlog at
     * {@code batchSize} entries per relay interval.
     *
     * @return how many entries were published
     */
    public int relayPending() {
        int total = 0;
        for (int round = 0; round < MAX_BATCHES_PER_ROUND; round++) {
            var batch = relayBatch();
            total += batch.published();
            if (batch.claimed() < batchSize || batch.published() == 0) {
                break;
            }
        }
        return total;
    }

    /** One batch: what was claimed and what of it was published. */
    public record Batch(int claimed, int published) {
    }

    /** Claims, publishes and marks one batch. */
    public Batch relayBatch() {
        List<E> claimed = outbox.claim(batchSize);
        if (claimed.isEmpty()) {
            return new Batch(0, 0);
        }
        try {
            var confirmation = publisher.publish(claimed);
            var inOrder = confirmation.inKeyOrder(claimed, outbox::orderKey);
            List<E> published = new ArrayList<>(inOrder.cardinality());
            inOrder.stream().forEach(position -> published.add(claimed.get(position)));
            if (!published.isEmpty()) {
                outbox.published(published);
            }
            if (published.size() < claimed.size()) {
                log.warn("Outbox {}: {} of {} entries not acknowledged; they stay pending for the next round: {}", name,
                        claimed.size() - published.size(), claimed.size(), confirmation.firstFailure().map(Throwable::toString).orElse("held back"));
            } else {
                log.debug("Outbox {}: published {} entries", name, published.size());
            }
            return new Batch(claimed.size(), published.size());
        } finally {
            outbox.release(claimed);
        }
    }
}
