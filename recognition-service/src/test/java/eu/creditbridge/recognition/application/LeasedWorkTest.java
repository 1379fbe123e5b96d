package eu.creditbridge.recognition.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.creditbridge.recognition.store.InProcessMongo;
import eu.creditbridge.recognition.store.MongoLeaseStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Event-driven work every instance hears of (a ruleset version published) runs in the lease's holder only, and moves to
 * another instance once a holder that died has let its term run out. Time of the lease is moved by hand; the renewals run
 * every 50 ms of real time.
 */
class LeasedWorkTest {

    private static final Duration TERM = Duration.ofSeconds(30);
    private static final Duration RENEW_EVERY = Duration.ofMillis(50);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-06-30T12:00:00Z"));
    private final LeaseStore store = new MongoLeaseStore(InProcessMongo.shared().freshDatabase(), clock);
    private final List<String> done = new CopyOnWriteArrayList<>();

    private LeasedWork instance(String holder) {
        return new LeasedWork(new JobLease(JobLeases.RULESET_REEVALUATION, holder, TERM, store), RENEW_EVERY);
    }

    @Test
    void workEveryInstanceHearsOfRunsInTheHolderOnlyAndMovesWhenTheHolderDies() {
        JobLease deadHolder = new JobLease(JobLeases.RULESET_REEVALUATION, "killed-instance", TERM, store);
        assertThat(deadHolder.holdOrTake()).isTrue(); // it took the lease, then was killed: it never renews nor releases

        try (LeasedWork first = instance("first").start(); LeasedWork second = instance("second").start()) {
            first.submit("eur.nl", "test work", () -> done.add("first: eur.nl v2"));
            second.submit("eur.nl", "test work", () -> done.add("second: eur.nl v2"));
            first.submit("eur.nl", "test work", () -> done.add("first: eur.nl v3"));   // a newer version replaces the waiting one
            second.submit("eur.nl", "test work", () -> done.add("second: eur.nl v3"));

            // Within the dead holder's term nobody runs it (awaited over many renewals): the job waits, it is not lost.
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> done.isEmpty() && first.waiting() == 1
                    && second.waiting() == 1);

            clock.advance(TERM);
            await().atMost(Duration.ofSeconds(10)).until(() -> !done.isEmpty());
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> done.size() == 1);

            assertThat(done).singleElement().satisfies(run -> assertThat(run).endsWith("eur.nl v3"));
            LeasedWork taker = done.get(0).startsWith("first") ? first : second;
            LeasedWork other = taker == first ? second : first;
            assertThat(taker.lease().held()).isTrue();
            assertThat(other.lease().held()).isFalse();
            assertThat(other.waiting()).as("kept, in case the new holder dies too").isEqualTo(1);
            assertThat(store.find(JobLeases.RULESET_REEVALUATION)).hasValueSatisfying(lease -> assertThat(lease.takeovers()).isEqualTo(1));

            // Later events run in the holder alone, at once.
            taker.submit("ucc.ie", "test work", () -> done.add("holder: ucc.ie v1"));
            other.submit("ucc.ie", "test work", () -> done.add("other: ucc.ie v1"));
            await().atMost(Duration.ofSeconds(10)).until(() -> done.size() == 2);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> done.size() == 2);
            assertThat(done).containsExactly(done.get(0), "holder: ucc.ie v1");
        }
    }

    @Test
    void anOrderlyStopHandsTheJobOverAtOnce() {
        try (LeasedWork second = instance("second")) {
            LeasedWork first = instance("first").start();
            await().atMost(Duration.ofSeconds(5)).until(() -> first.lease().held());
            second.start();
            second.submit("eur.nl", "test work", () -> done.add("second: eur.nl v2"));

            first.close(); // releases: no term to wait out, the clock does not move

            await().atMost(Duration.ofSeconds(5)).until(() -> done.contains("second: eur.nl v2"));
        }
    }

    @Test
    void aPieceOfWorkThatFailsIsLoggedAndTheNextOneStillRuns() {
        try (LeasedWork only = instance("only").start()) {
            only.submit("eur.nl", "re-evaluating eur.nl", () -> {
                throw new IllegalStateException("the store is away");
            });
            only.submit("ucc.ie", "re-evaluating ucc.ie", () -> done.add("ucc.ie"));

            await().atMost(Duration.ofSeconds(5)).until(() -> done.contains("ucc.ie"));
            assertThat(only.waiting()).isZero();
        }
    }
}
