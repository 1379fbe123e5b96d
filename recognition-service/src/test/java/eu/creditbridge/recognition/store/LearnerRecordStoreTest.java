package eu.creditbridge.recognition.store;

import eu.creditbridge.recognition.application.LearnerRecordStore;
import static eu.creditbridge.recognition.Fixtures.ANNA;
import static eu.creditbridge.recognition.Fixtures.LODZ;
import static eu.creditbridge.recognition.Fixtures.credential;
import static eu.creditbridge.recognition.store.DecisionStoreTest.decided;
import static eu.creditbridge.recognition.store.DecisionStoreTest.revocationOf;
import static org.assertj.core.api.Assertions.assertThat;

import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.recognition.domain.ComponentStatus;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.Decision;
import eu.creditbridge.recognition.domain.DecisionReason;
import eu.creditbridge.recognition.domain.GradeConversion;
import eu.creditbridge.recognition.domain.LearnerRecord;
import eu.creditbridge.recognition.domain.Outcome;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.domain.RecognitionTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LearnerRecordStoreTest {

    private static final Instant AT = Instant.parse("2025-02-20T10:00:00Z");
    private static InProcessMongo mongo;
    private LearnerRecordStore records;

    @BeforeAll
    static void startMongo() {
        mongo = InProcessMongo.shared();
    }

    @BeforeEach
    void freshStore() {
        records = new MongoLearnerRecordStore(mongo.freshDatabase());
    }

    private LearnerRecord annasRecord() {
        return records.find(LODZ, ANNA).orElseThrow();
    }

    private static RecognitionDecision recognisedAs(RecognitionTarget target, String credits) {
        Credential credential = credential().credits(credits).build();
        Decision decision = new Decision(Outcome.RECOGNISED, credential.credits(), Optional.of(target), GradeConversion.NO_GRADE,
                List.of(DecisionReason.decisive("test", "recognised in a test")), Optional.of(1));
        return RecognitionDecision.byRules(credential, decision, AT);
    }

    @Test
    void firstRecognitionCreatesTheRecordWithTheComponentAndItsTotals() {
        RecognitionDecision dataScience = decided(credential().build(), AT);

        assertThat(records.recognise(dataScience)).isTrue();

        LearnerRecord record = annasRecord();
        assertThat(record.totals().total()).isEqualTo(EctsCredits.of("5"));
        assertThat(record.totals().perLocalCourse()).containsEntry("INF-2041", EctsCredits.of("5"));
        assertThat(record.components()).singleElement().satisfies(component -> {
            assertThat(component.credentialId()).isEqualTo(dataScience.id().credentialId());
            assertThat(component.title()).isEqualTo("Data Science");
            assertThat(component.decisionId()).isEqualTo(dataScience.id());
            assertThat(component.status()).isEqualTo(ComponentStatus.RECOGNISED);
            assertThat(component.grade().original()).isPresent();
        });
    }

    @Test
    void applyingTheSameDecisionTwiceLeavesTotalsUnchanged() {
        RecognitionDecision dataScience = decided(credential().build(), AT);
        RecognitionDecision elective = recognisedAs(RecognitionTarget.creditCategory("alliance-electives"), "2.5");
        records.recognise(dataScience);
        records.recognise(elective);
        LearnerRecord once = annasRecord();

        assertThat(records.recognise(dataScience)).isFalse();
        assertThat(records.recognise(elective)).isFalse();

        assertThat(annasRecord()).isEqualTo(once);
        assertThat(once.totals().total()).isEqualTo(EctsCredits.of("7.5"));
        assertThat(once.totals().perCategory()).containsEntry("alliance-electives", EctsCredits.of("2.5"));
        assertThat(once.recomputedTotals()).isEqualTo(once.totals());
    }

    @Test
    void aPollsComponentsOfOneLearnerGoInTogetherAndAPartlyRedeliveredPollAddsOnlyWhatIsMissing() {
        RecognitionDecision dataScience = decided(credential().build(), AT);
        RecognitionDecision elective = recognisedAs(RecognitionTarget.creditCategory("alliance-electives"), "2.5");
        RecognitionDecision secondElective = recognisedAs(RecognitionTarget.creditCategory("alliance-electives"), "3");
        records.recogniseAll(List.of(dataScience, elective));

        records.recogniseAll(List.of(dataScience, elective, secondElective)); // the first two come again

        LearnerRecord record = annasRecord();
        assertThat(record.components()).extracting(c -> c.credentialId()).containsExactly(
                dataScience.id().credentialId(), elective.id().credentialId(), secondElective.id().credentialId());
        assertThat(record.totals().total()).isEqualTo(EctsCredits.of("10.5"));
        assertThat(record.totals().perCategory()).containsEntry("alliance-electives", EctsCredits.of("5.5"));
        assertThat(record.recomputedTotals()).isEqualTo(record.totals());
        assertThat(records.findAll(List.of(new LearnerRecordStore.Key(LODZ, ANNA)))).containsOnlyKeys(new LearnerRecordStore.Key(LODZ, ANNA));
    }

    @Test
    void revokingTwiceReducesTheTotalsOnce() {
        Credential credential = credential().build();
        records.recognise(decided(credential, AT));
        records.recognise(recognisedAs(RecognitionTarget.creditCategory("alliance-electives"), "3"));

        assertThat(records.withdraw(revocationOf(credential), AT.plusSeconds(60))).isTrue();
        assertThat(records.withdraw(revocationOf(credential), AT.plusSeconds(120))).isFalse();

        LearnerRecord record = annasRecord();
        assertThat(record.totals().total()).isEqualTo(EctsCredits.of("3"));
        assertThat(record.totals().perLocalCourse()).isEmpty();
        assertThat(record.component(credential.credentialId())).hasValueSatisfying(component -> {
            assertThat(component.status()).isEqualTo(ComponentStatus.WITHDRAWN);
            assertThat(component.withdrawnAt()).contains(AT.plusSeconds(60));
            assertThat(component.withdrawalReason()).contains("issued to the wrong learner");
        });
        assertThat(record.recomputedTotals()).isEqualTo(record.totals());
    }

    @Test
    void redeliveredIssuanceAfterWithdrawalDoesNotCountTheCredentialAgain() {
        RecognitionDecision dataScience = decided(credential().build(), AT);
        Credential credential = credential().id(dataScience.id().credentialId()).build();
        records.recognise(dataScience);
        records.withdraw(revocationOf(credential), AT.plusSeconds(60));

        assertThat(records.recognise(dataScience)).isFalse();

        assertThat(annasRecord().totals().total()).isEqualTo(EctsCredits.ZERO);
    }

    @Test
    void decisionThatRecognisesNothingLeavesNoRecord() {
        RecognitionDecision review = DecisionStoreTest.decided(credential().courseCode(null).issuedOn(java.time.LocalDate.of(2019, 1, 1)).build(), AT);
        assertThat(review.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);

        assertThat(records.recognise(review)).isFalse();

        assertThat(records.find(LODZ, ANNA)).isEmpty();
    }

    @Test
    void categoryNamesAndCourseCodesWithDotsAreTotalledAsTheyAre() {
        records.recognise(recognisedAs(RecognitionTarget.localCourse("INF.2041", Optional.empty()), "4"));
        records.recognise(recognisedAs(RecognitionTarget.creditCategory("electives.$alliance 100%"), "1.5"));

        LearnerRecord record = annasRecord();
        assertThat(record.totals().perLocalCourse()).containsEntry("INF.2041", EctsCredits.of("4"));
        assertThat(record.totals().perCategory()).containsEntry("electives.$alliance 100%", EctsCredits.of("1.5"));
    }

    @Test
    void concurrentFirstComponentsOfOneLearnerAreAllCountedAndRepeatsAreNot() throws Exception {
        List<RecognitionDecision> decisions = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            decisions.add(recognisedAs(RecognitionTarget.creditCategory("alliance-electives"), "1"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (RecognitionDecision decision : decisions) {
                for (int delivery = 0; delivery < 2; delivery++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return records.recognise(decision);
                    }));
                }
            }
            start.countDown();
            int added = 0;
            for (Future<Boolean> result : results) {
                added += result.get() ? 1 : 0;
            }

            assertThat(added).isEqualTo(6);
            LearnerRecord record = annasRecord();
            assertThat(record.components()).hasSize(6);
            assertThat(record.totals().total()).isEqualTo(EctsCredits.of("6"));
        } finally {
            pool.shutdownNow();
        }
    }
}
