package eu.creditbridge.recognition.application;

import eu.creditbridge.messaging.outbox.BatchPublisher;
import eu.creditbridge.messaging.outbox.OutboxRelay;
import eu.creditbridge.recognition.store.InProcessMongo;
import eu.creditbridge.recognition.store.MongoLeaseStore;
import java.time.Clock;
import java.time.Duration;

/** The house's relay over recognition's decisions outbox, as the service wires it, publishing through a test's publisher. */
public final class DecisionRelays {

    private DecisionRelays() {
    }

    public static OutboxRelay<StoredDecision> relay(DecisionStore decisions, DecisionPublisher publisher, Clock clock,
                                                    Duration minimumAge, int batchSize) {
        return new OutboxRelay<>("decisions", new DecisionOutbox(decisions, clock, minimumAge, soleInstance(clock)),
                BatchPublisher.oneByOne(stored -> publisher.publish(stored.decision())), batchSize);
    }

    /** The relay's lease as one instance alone holds it: on a store of its own, so nobody else ever does. */
    public static JobLease soleInstance(Clock clock) {
        return new JobLease(JobLeases.DECISIONS_RELAY, "the-only-instance", Duration.ofSeconds(30),
                new MongoLeaseStore(InProcessMongo.shared().freshDatabase(), clock));
    }
}
