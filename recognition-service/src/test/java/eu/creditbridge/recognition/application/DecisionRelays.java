package eu.creditbridge.recognition.application;

import eu.creditbridge.messaging.outbox.BatchPublisher;
import eu.creditbridge.messaging.outbox.OutboxRelay;
import java.time.Clock;
import java.time.Duration;

/** The house's relay over recognition's decisions outbox, as the service wires it, publishing through a test's publisher. */
public final class DecisionRelays {

    private DecisionRelays() {
    }

    public static OutboxRelay<StoredDecision> relay(DecisionStore decisions, DecisionPublisher publisher, Clock clock,
                                                    Duration minimumAge, int batchSize) {
        return new OutboxRelay<>("decisions", new DecisionOutbox(decisions, clock, minimumAge),
                BatchPublisher.oneByOne(stored -> publisher.publish(stored.decision())), batchSize);
    }
}
