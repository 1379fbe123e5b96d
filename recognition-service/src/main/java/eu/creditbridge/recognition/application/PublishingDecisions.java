package eu.creditbridge.recognition.application;

import eu.creditbridge.messaging.tracing.OutboxTrace;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox: a decision's document carries its revision and the last revision published; this publishes the
 * difference. Inline right after each change, and from the relay for whatever a crash or a broker outage left.
 */
public class PublishingDecisions {

    private static final Logger log = LoggerFactory.getLogger(PublishingDecisions.class);

    private final DecisionStore decisions;
    private final DecisionPublisher publisher;
    private final Clock clock;
    private final OutboxTrace trace;

    public PublishingDecisions(DecisionStore decisions, DecisionPublisher publisher, Clock clock) {
        this(decisions, publisher, clock, OutboxTrace.NONE);
    }

    /** @param trace continues, when the relay publishes, the trace of the work that stored the revision */
    public PublishingDecisions(DecisionStore decisions, DecisionPublisher publisher, Clock clock, OutboxTrace trace) {
        this.trace = trace;
        this.decisions = decisions;
        this.publisher = publisher;
        this.clock = clock;
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
     * Publishes decisions left unpublished for longer than {@code minimumAge}: the age keeps the relay from
     * racing the inline publish of a decision being made right now.
     *
     * @return how many were found pending
     */
    public int relay(Duration minimumAge, int batchSize) {
        var pending = decisions.pendingPublication(clock.instant().minus(minimumAge), batchSize);
        // The relay runs on its own thread: each publish continues the trace the revision was stored in.
        pending.forEach(stored -> trace.continued(stored.traceParent(), "relay decision", () -> publishIfPending(stored)));
        return pending.size();
    }
}
