package eu.creditbridge.recognition.application;

import eu.creditbridge.messaging.outbox.Confirmation;
import java.util.BitSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox, right after a change: a decision's document carries its revision and the last revision published; this
 * publishes the difference inline, in the work's own trace. Whatever a crash or a broker outage leaves is published by
 * the house's relay over {@link DecisionOutbox}.
 */
public class PublishingDecisions {

    private static final Logger log = LoggerFactory.getLogger(PublishingDecisions.class);

    private final DecisionStore decisions;
    private final DecisionPublisher publisher;

    public PublishingDecisions(DecisionStore decisions, DecisionPublisher publisher) {
        this.decisions = decisions;
        this.publisher = publisher;
    }

    /** Publishes the stored revision unless it is published already; never throws, the relay retries. */
    public void publishIfPending(StoredDecision stored) {
        if (!stored.pending()) {
            return;
        }
        try {
            publisher.publish(stored.decision());
            decisions.markPublished(stored.decision().id(), stored.decision().revision());
        } catch (RuntimeException e) {
            log.warn("Decision {} revision {} not published yet, the outbox relay retries: {}", stored.decision().id(),
                    stored.decision().revision(), e.toString());
        }
    }

    /**
     * A poll's revisions: those not published yet are sent together and confirmed once, and what the broker
     * acknowledged is marked in one bulk write. Never throws, the relay retries what is left.
     */
    public void publishAllIfPending(List<StoredDecision> stored) {
        List<StoredDecision> pending = stored.stream().filter(StoredDecision::pending).toList();
        if (pending.isEmpty()) {
            return;
        }
        try {
            Confirmation confirmation = publisher.publishAll(pending);
            BitSet inOrder = confirmation.inKeyOrder(pending, revision -> revision.decision().id().value());
            decisions.markAllPublished(inOrder.stream().mapToObj(position -> pending.get(position).decision()).toList());
            confirmation.firstFailure().ifPresent(failure -> log.warn(
                    "{} of {} decision revision(s) not published yet, the outbox relay retries: {}",
                    pending.size() - inOrder.cardinality(), pending.size(), failure.toString()));
        } catch (RuntimeException e) {
            log.warn("{} decision revision(s) not marked published yet, the outbox relay retries: {}", pending.size(), e.toString());
        }
    }
}
