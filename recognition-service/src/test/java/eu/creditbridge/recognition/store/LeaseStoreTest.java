package eu.creditbridge.recognition.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import eu.creditbridge.recognition.application.LeaseStore;
import eu.creditbridge.recognition.application.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The job leases on the MongoDB wire protocol, two instances sharing one store, time moved by hand. */
class LeaseStoreTest {

    private static final String JOB = "decisions-relay";
    private static final Duration TERM = Duration.ofSeconds(30);
    private static final String FIRST = "recognition-service/101/aaaa";
    private static final String SECOND = "recognition-service/202/bbbb";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-06-30T12:00:00Z"));
    private MongoDatabase database;
    private LeaseStore leases;
    private ExecutorService racers;

    @BeforeEach
    void freshStore() {
        database = InProcessMongo.shared().freshDatabase();
        leases = new MongoLeaseStore(database, clock);
        racers = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopRacers() {
        racers.shutdownNow();
    }

    @Test
    void theFirstInstanceTakesAFreeJobAndTheSecondIsRefusedWhileTheFirstRenews() {
        assertThat(leases.hold(JOB, FIRST, TERM)).isTrue();
        assertThat(leases.hold(JOB, SECOND, TERM)).isFalse();

        for (int round = 0; round < 5; round++) {
            clock.advance(Duration.ofSeconds(20)); // each renewal comes within the term: 100 s in all, five terms' worth
            assertThat(leases.hold(JOB, FIRST, TERM)).isTrue();
            assertThat(leases.hold(JOB, SECOND, TERM)).isFalse();
        }
        assertThat(leases.find(JOB)).hasValueSatisfying(lease -> {
            assertThat(lease.holder()).isEqualTo(FIRST);
            assertThat(lease.expiresAt()).isEqualTo(clock.instant().plus(TERM));
            assertThat(lease.takeovers()).isZero();
        });
    }

    @Test
    void aHolderThatStopsRenewingIsTakenOverOnceItsTermHasRunAndCannotRenewAfterwards() {
        leases.hold(JOB, FIRST, TERM);

        clock.advance(TERM.minusMillis(1));
        assertThat(leases.hold(JOB, SECOND, TERM)).as("one millisecond before the end of the term").isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(leases.hold(JOB, SECOND, TERM)).as("at the end of the term").isTrue();

        // the first one comes back from a long pause: the job has moved, it must not believe it still runs it
        assertThat(leases.hold(JOB, FIRST, TERM)).isFalse();
        assertThat(leases.find(JOB)).hasValueSatisfying(lease -> {
            assertThat(lease.holder()).isEqualTo(SECOND);
            assertThat(lease.takeovers()).isEqualTo(1);
        });
    }

    @Test
    void aReleasedJobIsTakenAtOnceAndAReleaseByAFormerHolderChangesNothing() {
        leases.hold(JOB, FIRST, TERM);
        leases.release(JOB, FIRST);

        assertThat(leases.hold(JOB, SECOND, TERM)).isTrue();
        leases.release(JOB, FIRST); // the former holder's late release must not free its successor's lease
        assertThat(leases.hold(JOB, FIRST, TERM)).isFalse();
    }

    @Test
    void eachJobHasALeaseOfItsOwn() {
        assertThat(leases.hold("decisions-relay", FIRST, TERM)).isTrue();
        assertThat(leases.hold("ruleset-reevaluation", SECOND, TERM)).isTrue();
        assertThat(leases.hold("ruleset-reevaluation", FIRST, TERM)).isFalse();
    }

    @Test
    void twoInstancesRacingForAFreeOrAnExpiredLeaseNeverBothWin() throws Exception {
        LeaseStore first = new MongoLeaseStore(database, clock);
        LeaseStore second = new MongoLeaseStore(database, clock);
        for (int round = 0; round < 40; round++) {
            String job = "race-" + (round % 2 == 0 ? round : round - 1); // even rounds: a new job; odd: the same job, expired
            if (round % 2 == 1) {
                clock.advance(TERM);
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (var racer : List.<Callable<Boolean>>of(() -> first.hold(job, FIRST, TERM), () -> second.hold(job, SECOND, TERM))) {
                outcomes.add(racers.submit(() -> {
                    start.await();
                    return racer.call();
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> outcome : outcomes) {
                winners += outcome.get() ? 1 : 0;
            }
            String holder = leases.find(job).orElseThrow().holder();
            assertThat(winners).as("round %d", round).isLessThanOrEqualTo(1);
            if (round % 2 == 0) {
                assertThat(winners).as("a free job is taken by one of them, round %d", round).isEqualTo(1);
            }
            // whoever won, the other one cannot have it now
            String other = holder.equals(FIRST) ? SECOND : FIRST;
            assertThat(leases.hold(job, other, TERM)).isFalse();
        }
    }
}
