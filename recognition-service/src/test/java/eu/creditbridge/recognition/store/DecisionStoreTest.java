package eu.creditbridge.recognition.store;

import eu.creditbridge.recognition.application.StoredDecision;
import eu.creditbridge.recognition.application.DecisionStore;
import eu.creditbridge.recognition.Fixtures;
import static eu.creditbridge.recognition.Fixtures.credential;
import static eu.creditbridge.recognition.Fixtures.lodz;
import static eu.creditbridge.recognition.Fixtures.lodzRuleset;
import static eu.creditbridge.recognition.Fixtures.rotterdam;
import static org.assertj.core.api.Assertions.assertThat;

import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.Outcome;
import eu.creditbridge.recognition.domain.RecognitionCase;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.domain.Revocation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DecisionStoreTest {

    private static final Instant DECIDED_AT = Instant.parse("2025-02-20T10:00:00Z");
    private static InProcessMongo mongo;
    private DecisionStore decisions;

    @BeforeAll
    static void startMongo() {
        mongo = InProcessMongo.shared();
    }

    @BeforeEach
    void freshStore() {
        decisions = new MongoDecisionStore(mongo.freshDatabase());
    }

    static RecognitionDecision decided(Credential credential, Instant at) {
        var decision = Fixtures.policy().decide(new RecognitionCase(credential, lodz(), Optional.of(rotterdam()),
                Optional.of(lodzRuleset()), eu.creditbridge.recognition.TrustFixtures.VALID));
        return RecognitionDecision.byRules(credential, decision, at);
    }

    static Revocation revocationOf(Credential credential) {
        return new Revocation(credential.credentialId(), credential.issuingInstitution(), credential.learner(), credential.homeInstitution(),
                Instant.parse("2025-03-01T09:00:00Z"), "issued to the wrong learner");
    }

    @Test
    void decisionIsStoredWithItsWholeTraceAndReadBackUnchanged() {
        RecognitionDecision decision = decided(credential().build(), DECIDED_AT);

        StoredDecision stored = decisions.insertOrLoad(decision);

        assertThat(stored.pending()).isTrue();
        assertThat(decisions.find(decision.id())).contains(new StoredDecision(decision, 0));
    }

    @Test
    void secondInsertOfTheSameCredentialReturnsTheFirstDecisionInsteadOfDecidingAgain() {
        Credential credential = credential().build();
        RecognitionDecision first = decided(credential, DECIDED_AT);
        RecognitionDecision later = decided(credential, DECIDED_AT.plusSeconds(60));

        decisions.insertOrLoad(first);
        StoredDecision again = decisions.insertOrLoad(later);

        assertThat(again.decision()).isEqualTo(first);
    }

    @Test
    void concurrentDuplicateInsertsAllEndWithTheOneStoredDecision() throws Exception {
        Credential credential = credential().build();
        int deliveries = 8;
        ExecutorService pool = Executors.newFixedThreadPool(deliveries);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Callable<StoredDecision>> inserts = IntStream.range(0, deliveries)
                    .<Callable<StoredDecision>>mapToObj(i -> () -> {
                        start.await();
                        return decisions.insertOrLoad(decided(credential, DECIDED_AT.plusSeconds(i)));
                    })
                    .toList();
            List<Future<StoredDecision>> results = inserts.stream().map(pool::submit).toList();
            start.countDown();

            List<RecognitionDecision> returned = new java.util.ArrayList<>();
            for (Future<StoredDecision> result : results) {
                returned.add(result.get().decision());
            }

            RecognitionDecision winner = decisions.find(credential.decisionId()).orElseThrow().decision();
            assertThat(returned).hasSize(deliveries).allSatisfy(decision -> assertThat(decision).isEqualTo(winner));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPollsBulkInsertStoresTheNewDecisionsAsPublishedAndYieldsTheStoredOneWhereAnotherConsumerWasFirst() {
        Credential first = credential().build();
        Credential second = credential().build();
        StoredDecision storedBefore = decisions.insertOrLoad(decided(first, DECIDED_AT.minusSeconds(60)), first);
        RecognitionDecision againForFirst = decided(first, DECIDED_AT);
        RecognitionDecision forSecond = decided(second, DECIDED_AT);

        List<StoredDecision> stored = decisions.insertAllOrLoad(List.of(
                new DecisionStore.NewDecision(againForFirst, first, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
                new DecisionStore.NewDecision(forSecond, second, null)));

        assertThat(stored).extracting(StoredDecision::decision).containsExactly(storedBefore.decision(), forSecond);
        assertThat(decisions.findAll(List.of(first.decisionId(), second.decisionId()))).containsOnlyKeys(first.decisionId(), second.decisionId());
        // Stored as published: the poll sends it before its offsets are committed. The one stored alone waits for its mark.
        assertThat(decisions.find(second.decisionId()).orElseThrow().pending()).isFalse();
        assertThat(stored.get(1).pending()).isFalse();
        assertThat(decisions.countPendingPublication()).isEqualTo(1);

        decisions.markAllPublished(List.of(storedBefore.decision()));
        assertThat(decisions.countPendingPublication()).isZero();
    }

    @Test
    void withdrawingMakesOneNewRevisionWithNoCreditsAndRepeatingItChangesNothing() {
        Credential credential = credential().build();
        RecognitionDecision decision = decisions.insertOrLoad(decided(credential, DECIDED_AT)).decision();
        decisions.markPublished(decision.id(), 1);

        StoredDecision withdrawn = decisions.withdraw(decision, revocationOf(credential), DECIDED_AT.plusSeconds(3600));
        StoredDecision again = decisions.withdraw(decision, revocationOf(credential), DECIDED_AT.plusSeconds(7200));

        assertThat(withdrawn.decision().revision()).isEqualTo(2);
        assertThat(withdrawn.decision().outcome()).isEqualTo(Outcome.WITHDRAWN);
        assertThat(withdrawn.decision().decision().recognisedCredits()).isEqualTo(EctsCredits.ZERO);
        assertThat(withdrawn.decision().decision().reasons().get(withdrawn.decision().decision().reasons().size() - 1).step())
                .isEqualTo("revocation");
        assertThat(withdrawn.pending()).isTrue();
        assertThat(again).isEqualTo(withdrawn);
    }

    @Test
    void publishedMarkIsSetOnlyForTheCurrentRevision() {
        Credential credential = credential().build();
        RecognitionDecision decision = decisions.insertOrLoad(decided(credential, DECIDED_AT)).decision();
        decisions.withdraw(decision, revocationOf(credential), DECIDED_AT.plusSeconds(60));

        decisions.markPublished(decision.id(), 1); // the ack of revision 1 arrives after revision 2 was written

        assertThat(decisions.find(decision.id()).orElseThrow().pending()).isTrue();
        decisions.markPublished(decision.id(), 2);
        assertThat(decisions.find(decision.id()).orElseThrow().pending()).isFalse();
    }

    @Test
    void relayFindsOnlyDecisionsPendingLongerThanTheGivenAge() {
        RecognitionDecision old = decisions.insertOrLoad(decided(credential().build(), DECIDED_AT)).decision();
        decisions.insertOrLoad(decided(credential().build(), DECIDED_AT.plusSeconds(600)));
        RecognitionDecision published = decisions.insertOrLoad(decided(credential().build(), DECIDED_AT)).decision();
        decisions.markPublished(published.id(), 1);

        assertThat(decisions.pendingPublication(DECIDED_AT.plusSeconds(60), 10))
                .extracting(stored -> stored.decision().id())
                .containsExactly(old.id());
    }
}
