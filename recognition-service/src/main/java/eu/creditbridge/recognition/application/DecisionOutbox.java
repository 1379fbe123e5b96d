package eu.creditbridge.recognition.application;

import eu.creditbridge.messaging.outbox.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Recognition's outbox as the house's relay sees it: decision revisions stored and not yet published, found on the
 * {@code pendingPublication} index. Only those pending for longer than {@code minimumAge}: a younger one is being
 * published inline by the work that stored it ({@link PublishingDecisions}), and the relay should not race it. No
 * lease: a revision published twice is absorbed (consumers keep the highest revision per decision), and the mark is
 * conditional on the revision, so a newer one written meanwhile stays pending.
 *
 * <p>With several instances, only the holder of the {@link JobLeases#DECISIONS_RELAY} lease claims anything: each claim
 * renews it, so the relay stays in one instance while it runs rounds, and moves to another a lease term after its holder
 * died. The successor resumes from the store's own marks (whatever is still unmarked, oldest first); a batch the dead
 * holder sent but had not marked is sent again, which consumers absorb as above.
 */
public class DecisionOutbox implements Outbox<StoredDecision> {

    private final DecisionStore decisions;
    private final Clock clock;
    private final Duration minimumAge;
    private final JobLease lease;

    public DecisionOutbox(DecisionStore decisions, Clock clock, Duration minimumAge, JobLease lease) {
        this.decisions = decisions;
        this.clock = clock;
        this.minimumAge = minimumAge;
        this.lease = lease;
    }

    @Override
    public List<StoredDecision> claim(int limit) {
        if (!lease.holdOrTake()) {
            return List.of(); // another instance relays
        }
        return decisions.pendingPublication(clock.instant().minus(minimumAge), limit);
    }

    @Override
    public String orderKey(StoredDecision stored) {
        return stored.decision().id().value();
    }

    @Override
    public void published(List<StoredDecision> published) {
        published.forEach(stored -> decisions.markPublished(stored.decision().id(), stored.decision().revision()));
    }
}
