package eu.creditbridge.recognition.application;

import eu.creditbridge.kernel.DecisionId;
import eu.creditbridge.messaging.outbox.Confirmation;
import eu.creditbridge.messaging.outbox.PublishingFailed;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox, right after a change: a decision's document carries its revision and the last revision published; this
 * publishes the difference inline, in the work's own trace. Whatever a crash or a broker outage leaves is published by
 * the house's relay over {@link DecisionOutbox}. A poll of credential events is its own outbox instead ({@link
 * #publishPoll}): its offsets are the mark.
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
     * A poll's decisions, published by the poll itself. Its new decisions were stored as published ({@link
     * DecisionStore#insertAllOrLoad}): the poll's offsets are committed only up to its first event not done, so the
     * consumer's position is their outbox mark. Every decision is sent (one found stored, from an earlier delivery, may
     * never have gone out: a crash between storing and sending), together and confirmed once; a revision still marked
     * pending (one stored by the single path) is marked when acknowledged. What the broker did not acknowledge comes back
     * as a {@link PublishingFailed} per decision: its event must fail, so it is delivered again and sent again.
     *
     * @return the decisions not acknowledged, each with why
     */
    public Map<DecisionId, RuntimeException> publishPoll(List<StoredDecision> poll) {
        Map<DecisionId, RuntimeException> unsent = new HashMap<>();
        if (poll.isEmpty()) {
            return unsent;
        }
        Confirmation confirmation;
        try {
            confirmation = publisher.publishAll(poll);
        } catch (RuntimeException e) {
            poll.forEach(decision -> unsent.put(decision.decision().id(), new PublishingFailed("decision not sent", e)));
            return unsent;
        }
        BitSet inOrder = confirmation.inKeyOrder(poll, revision -> revision.decision().id().value());
        List<RecognitionDecision> toMark = new ArrayList<>();
        for (int position = 0; position < poll.size(); position++) {
            StoredDecision decision = poll.get(position);
            if (!inOrder.get(position)) {
                unsent.put(decision.decision().id(), new PublishingFailed("decision " + decision.decision().id() + " revision "
                        + decision.decision().revision() + " not acknowledged by the broker", confirmation.firstFailure().orElse(null)));
            } else if (decision.pending()) {
                toMark.add(decision.decision());
            }
        }
        if (!unsent.isEmpty()) {
            log.warn("{} of {} decision(s) of a poll not acknowledged, their events are delivered again: {}", unsent.size(),
                    poll.size(), confirmation.firstFailure().map(Throwable::toString).orElse("unknown"));
        }
        try {
            decisions.markAllPublished(toMark);
        } catch (RuntimeException e) {
            log.warn("{} decision revision(s) not marked published yet, the outbox relay retries: {}", toMark.size(), e.toString());
        }
        return unsent;
    }
}
