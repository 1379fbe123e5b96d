package eu.creditbridge.recognition.application;

import static eu.creditbridge.recognition.Fixtures.LODZ;
import static eu.creditbridge.recognition.Fixtures.ROTTERDAM;
import static eu.creditbridge.recognition.Fixtures.credential;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.mongodb.client.MongoDatabase;
import eu.creditbridge.kernel.DecisionId;
import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.messaging.outbox.Confirmation;
import eu.creditbridge.messaging.outbox.PublishingFailed;
import eu.creditbridge.recognition.Fixtures;
import eu.creditbridge.recognition.TrustFixtures;
import eu.creditbridge.recognition.application.RecognisingCredentialBatch.Event;
import eu.creditbridge.recognition.application.RecognisingCredentialBatch.Issued;
import eu.creditbridge.recognition.application.RecognisingCredentialBatch.Result;
import eu.creditbridge.recognition.application.RecognisingCredentialBatch.Revoked;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.LearnerContext;
import eu.creditbridge.recognition.domain.LearnerRecord;
import eu.creditbridge.recognition.domain.Outcome;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.domain.Revocation;
import eu.creditbridge.recognition.domain.Ruleset;
import eu.creditbridge.recognition.domain.agreement.AgreementComponent;
import eu.creditbridge.recognition.domain.agreement.AgreementStatus;
import eu.creditbridge.recognition.domain.agreement.LearningAgreement;
import eu.creditbridge.recognition.store.InProcessMongo;
import eu.creditbridge.recognition.store.MongoDecisionStore;
import eu.creditbridge.recognition.store.MongoLearnerRecordStore;
import eu.creditbridge.recognition.store.MongoLearningAgreementStore;
import eu.creditbridge.recognition.store.MongoRevocationStore;
import eu.creditbridge.recognition.store.PartnerCourseHistory;
import eu.creditbridge.rules.Rule;
import eu.creditbridge.rules.RuleAction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A poll decided together decides what the same events decide one at a time, on the wire-protocol MongoDB server:
 * caps and n:1 equivalences see the credentials decided earlier in the same poll, an issuance and its revocation in one
 * poll are applied in order, a redelivered poll changes nothing, and a failure stops only its learner.
 */
class RecognisingCredentialBatchTest {

    private static final EuropeanStudentIdentifier BEN = EuropeanStudentIdentifier.of("urn:schac:personalUniqueCode:int:esi:pl:222222");
    private static final EuropeanStudentIdentifier CLARA = EuropeanStudentIdentifier.of("urn:schac:personalUniqueCode:int:esi:pl:333333");

    private static InProcessMongo mongo;
    private static ExecutorService workers;

    private final MovableClock clock = new MovableClock(Instant.parse("2025-02-20T10:00:00Z"));

    @BeforeAll
    static void start() {
        mongo = InProcessMongo.shared();
        workers = Executors.newFixedThreadPool(4);
    }

    @AfterAll
    static void stop() {
        workers.shutdownNow();
    }

    /** Everything one side (one at a time, or in polls) reads and writes, on a database of its own. */
    private final class Side {
        final MongoDatabase database = mongo.freshDatabase();
        final DecisionStore decisions = new MongoDecisionStore(database);
        final LearnerRecordStore records = new MongoLearnerRecordStore(database);
        final RevocationStore revocations = new MongoRevocationStore(database);
        final PartnerCourseHistory history = new PartnerCourseHistory(database);
        final MongoLearningAgreementStore agreements = new MongoLearningAgreementStore(database);
        final RecordingDecisionPublisher publisher = new RecordingDecisionPublisher();
        {
            // Clara's approved agreement: Rotterdam's sculpture course counts as Łódź's ART-300, outside the elective cap.
            agreements.save(new LearningAgreement("clara-2025", LODZ, CLARA, ROTTERDAM, AgreementStatus.APPROVED,
                    Optional.of(java.time.LocalDate.of(2024, 9, 1)), Optional.empty(),
                    List.of(new AgreementComponent("EUR-ART-8", "ART-300", Optional.of("Sculpture"), EctsCredits.of("4")))), clock.instant());
        }
        final AtomicInteger publishAllCalls = new AtomicInteger();
        final RegistryView registry = registry();
        final PublishingDecisions publishing = new PublishingDecisions(decisions, new DecisionPublisher() {
            @Override
            public void publish(RecognitionDecision decision) {
                publisher.publish(decision);
            }

            @Override
            public Confirmation publishAll(List<StoredDecision> revisions) {
                publishAllCalls.incrementAndGet();
                return DecisionPublisher.super.publishAll(revisions);
            }
        });
        final ReversingRecognition reversing = new ReversingRecognition(decisions, records, revocations, publishing, clock);

        RecognisingCredential oneAtATime() {
            RecognitionCases cases = new RecognitionCases(credential -> LearnerContext.withPartnerCoursesOnDemand(
                    records.find(credential.receivingInstitution(), credential.learner()), () -> history.coursesHeld(credential)), agreements);
            return new RecognisingCredential(registry, Fixtures.policy(), cases, decisions, records, revocations, reversing, publishing,
                    new UnknownInstitutionGrace(Duration.ofSeconds(5), clock), TrustFixtures.everySignatureValid(),
                    TrustFixtures.keyGrace(clock), clock);
        }

        RecognisingCredentialBatch inPolls() {
            return new RecognisingCredentialBatch(registry, Fixtures.policy(), decisions, records, revocations, agreements, history,
                    reversing, publishing, new UnknownInstitutionGrace(Duration.ofSeconds(5), clock),
                    TrustFixtures.everySignatureValid(), TrustFixtures.keyGrace(clock), clock, RecognitionMetrics.NONE, workers);
        }

        EctsCredits total(EuropeanStudentIdentifier learner) {
            return records.find(LODZ, learner).map(record -> record.totals().total()).orElse(EctsCredits.ZERO);
        }

        RecognitionDecision decision(Credential credential) {
            return decisions.find(credential.decisionId()).orElseThrow().decision();
        }
    }

    /** Łódź: Rotterdam's two statistics halves make one local course (n:1); any other UNIC course: electives up to 15 ECTS. */
    private static RegistryView registry() {
        RegistryView registry = new RegistryView();
        registry.institutionUpdated(Fixtures.lodz());
        registry.institutionUpdated(Fixtures.rotterdam());
        registry.rulesetPublished(new Ruleset(LODZ, 4, List.of(), Optional.empty(), List.of(
                new Rule("stats-pair", Optional.empty(), 10, "credential.courseCode == 'EUR-STAT-1' || credential.courseCode == 'EUR-STAT-2'",
                        new RuleAction.RecogniseAsCourse("LDZ-STAT-101", Optional.empty(), List.of("EUR-STAT-1", "EUR-STAT-2")),
                        Optional.empty(), Optional.empty()),
                new Rule("unic-electives", Optional.empty(), 500, "sharedActiveAlliance('unic')",
                        new RuleAction.ElectiveCredits("unic-electives", Optional.of(new BigDecimal("15"))), Optional.empty(), Optional.empty())),
                List.of()));
        return registry;
    }

    private static Issued issued(Credential credential) {
        return new Issued(credential, Optional.empty(), null);
    }

    private static Revoked revoked(Credential credential) {
        return new Revoked(new Revocation(credential.credentialId(), credential.issuingInstitution(), credential.learner(), LODZ,
                Instant.parse("2025-03-01T09:00:00Z"), "issued to the wrong learner"));
    }

    /** Three learners, interleaved as a topic's partition would hold them: caps, an n:1 pair, a repeat, a revocation. */
    private static List<Event> semester() {
        List<Event> events = new ArrayList<>();
        List<Credential> annas = new ArrayList<>();
        for (int i = 0; i < 4; i++) { // 4 × 5 ECTS against a cap of 15: 5, 5, 5, then the cap is reached
            annas.add(credential().courseCode("EUR-ART-" + i).title("Art " + i).build());
        }
        Credential bensFirstHalf = credential().learner(BEN).courseCode("EUR-STAT-1").title("Statistics I").credits("3").build();
        Credential bensSecondHalf = credential().learner(BEN).courseCode("EUR-STAT-2").title("Statistics II").credits("3").build();
        Credential clarasWrong = credential().learner(CLARA).courseCode("EUR-ART-9").title("Issued by mistake").build();
        Credential clarasRight = credential().learner(CLARA).courseCode("EUR-ART-8").title("Sculpture").credits("4").build();
        events.add(issued(annas.get(0)));
        events.add(issued(bensFirstHalf));
        events.add(issued(annas.get(1)));
        events.add(issued(clarasWrong));
        events.add(issued(annas.get(2)));
        events.add(issued(annas.get(2))); // the partner sent it twice
        events.add(issued(bensSecondHalf));
        events.add(revoked(clarasWrong));
        events.add(issued(annas.get(3)));
        events.add(issued(clarasRight));
        return events;
    }

    @Test
    void aPollDecidesWhatTheSameEventsDecideOneAtATime() {
        List<Event> events = semester();
        Side single = new Side();
        RecognisingCredential oneAtATime = single.oneAtATime();
        for (Event event : events) {
            if (event instanceof Issued issued) {
                oneAtATime.recognise(issued.credential());
            } else {
                single.reversing.reverse(((Revoked) event).revocation());
            }
        }
        Side batched = new Side();

        List<Result> results = batched.inPolls().recognise(events);

        assertThat(results).allMatch(Result::isDone);
        for (Event event : events) {
            if (event instanceof Issued issued) {
                RecognitionDecision alone = single.decision(issued.credential());
                RecognitionDecision together = batched.decision(issued.credential());
                assertThat(together.decision()).as(issued.credential().title()).isEqualTo(alone.decision());
                assertThat(together.revision()).isEqualTo(alone.revision());
            }
        }
        for (EuropeanStudentIdentifier learner : List.of(Fixtures.ANNA, BEN, CLARA)) {
            LearnerRecord alone = single.records.find(LODZ, learner).orElseThrow();
            LearnerRecord together = batched.records.find(LODZ, learner).orElseThrow();
            assertThat(together.totals()).as("totals of " + learner.value()).isEqualTo(alone.totals());
            assertThat(together.totals()).isEqualTo(together.recomputedTotals());
            assertThat(together.components()).extracting(c -> c.credentialId(), c -> c.status(), c -> c.credits())
                    .containsExactlyInAnyOrderElementsOf(alone.components().stream()
                            .map(c -> tuple(c.credentialId(), c.status(), c.credits())).toList());
        }
        assertThat(batched.total(Fixtures.ANNA)).isEqualTo(EctsCredits.of("15"));
        assertThat(batched.total(BEN)).isEqualTo(EctsCredits.of("6"));
        assertThat(batched.total(CLARA)).isEqualTo(EctsCredits.of("4"));
        assertThat(batched.records.find(LODZ, CLARA).orElseThrow().totals().perLocalCourse()).containsKey("ART-300");
        assertThat(byDecision(batched.publisher.published)).isEqualTo(byDecision(single.publisher.published));
        assertThat(batched.decisions.countPendingPublication()).isZero();
    }

    @Test
    void anIssuanceAndItsRevocationInOnePollAreAppliedInOrderAndEachRevisionIsPublished() {
        Side batched = new Side();
        Credential credential = credential().courseCode("EUR-ART-1").build();

        batched.inPolls().recognise(List.of(issued(credential), revoked(credential)));

        assertThat(batched.decision(credential).outcome()).isEqualTo(Outcome.WITHDRAWN);
        assertThat(batched.total(Fixtures.ANNA)).isEqualTo(EctsCredits.ZERO);
        assertThat(batched.publisher.published).extracting(RecognitionDecision::revision, RecognitionDecision::outcome)
                .containsExactly(tuple(1, Outcome.RECOGNISED), tuple(2, Outcome.WITHDRAWN));
    }

    @Test
    void aRedeliveredPollDecidesNothingTwiceChangesNoTotalAndSendsTheStoredDecisionsAgain() {
        Side batched = new Side();
        List<Event> events = semester();
        RecognisingCredentialBatch inPolls = batched.inPolls();
        inPolls.recognise(events);
        List<RecognitionDecision> firstSent = List.copyOf(batched.publisher.published);
        // A newer ruleset meanwhile must not change what was decided.
        batched.registry.rulesetPublished(new Ruleset(LODZ, 9, List.of(), Optional.empty()));

        List<Result> again = inPolls.recognise(events);

        assertThat(again).allMatch(Result::isDone);
        assertThat(again).extracting(result -> result.decision().orElseThrow().decision().rulesetVersion())
                .allMatch(version -> version.equals(Optional.of(4)));
        assertThat(batched.total(Fixtures.ANNA)).isEqualTo(EctsCredits.of("15"));
        assertThat(batched.total(BEN)).isEqualTo(EctsCredits.of("6"));
        // The poll is the outbox of its decisions: a redelivery cannot know whether they went out before, so it sends
        // what it finds stored, each decision's latest revision once (consumers keep the highest revision per decision).
        Map<DecisionId, RecognitionDecision> latestSent = new HashMap<>();
        firstSent.forEach(decision -> latestSent.merge(decision.id(), decision, (one, other) -> one.revision() > other.revision() ? one : other));
        assertThat(batched.publisher.published.subList(firstSent.size(), batched.publisher.published.size()))
                .containsExactlyInAnyOrderElementsOf(latestSent.values());
    }

    @Test
    void onePollIsStoredInOneBulkWriteAndPublishedInOneSend() {
        Side batched = new Side();
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            events.add(issued(credential().learner(EuropeanStudentIdentifier.of("urn:schac:personalUniqueCode:int:esi:pl:9" + i))
                    .courseCode("EUR-ART-" + i).build()));
        }

        assertThat(batched.inPolls().recognise(events)).allMatch(Result::isDone);

        assertThat(batched.publishAllCalls).hasValue(1);
        assertThat(batched.publisher.published).hasSize(40);
        assertThat(batched.decisions.countPendingPublication()).isZero();
    }

    @Test
    void aLearnerWhoseInstitutionIsUnknownWaitsAndTheOtherLearnersAreDecided() {
        Side batched = new Side();
        SchacCode newcomer = SchacCode.of("uni-new.example.eu");
        Credential annasAtNewcomer = credential().home(newcomer).courseCode("EUR-ART-1").build();
        Credential annasSecondAtNewcomer = credential().home(newcomer).courseCode("EUR-ART-2").build();
        Credential bens = credential().learner(BEN).courseCode("EUR-ART-3").build();

        List<Result> results = batched.inPolls().recognise(List.of(issued(annasAtNewcomer), issued(bens), issued(annasSecondAtNewcomer)));

        assertThat(results).extracting(Result::status).containsExactly(
                Result.Status.FAILED, Result.Status.DONE, Result.Status.NOT_ATTEMPTED);
        assertThat(results.get(0).failure()).isInstanceOfSatisfying(UnknownReceivingInstitution.class,
                unknown -> assertThat(unknown.settled()).isFalse());
        assertThat(batched.decisions.find(annasAtNewcomer.decisionId())).isEmpty();
        assertThat(batched.total(BEN)).isEqualTo(EctsCredits.of("5"));
    }

    @Test
    void anEventWhoseDecisionTheBrokerDidNotAcknowledgeFailsAndItsRedeliverySendsTheStoredDecision() {
        Side batched = new Side();
        batched.publisher.failing = true;
        Credential credential = credential().courseCode("EUR-ART-1").build();

        List<Result> whileDown = batched.inPolls().recognise(List.of(issued(credential)));

        assertThat(whileDown).extracting(Result::status).containsExactly(Result.Status.FAILED);
        assertThat(whileDown.get(0).failure()).isInstanceOf(PublishingFailed.class).hasRootCauseMessage("broker unavailable");
        // Stored and counted once; not pending: the consumer's offset, not committed, is what sends it again.
        assertThat(batched.decisions.find(credential.decisionId()).orElseThrow().pending()).isFalse();
        assertThat(batched.total(Fixtures.ANNA)).isEqualTo(EctsCredits.of("5"));
        assertThat(batched.publisher.published).isEmpty();

        batched.publisher.failing = false;
        List<Result> redelivered = batched.inPolls().recognise(List.of(issued(credential)));

        assertThat(redelivered).allMatch(Result::isDone);
        assertThat(batched.publisher.published).extracting(RecognitionDecision::id).containsExactly(credential.decisionId());
        assertThat(batched.total(Fixtures.ANNA)).isEqualTo(EctsCredits.of("5"));
    }

    /** The revisions published per decision, in order: a poll sends them in another order across learners. */
    private static Map<DecisionId, List<String>> byDecision(List<RecognitionDecision> published) {
        Map<DecisionId, List<String>> revisions = new TreeMap<>(java.util.Comparator.comparing(DecisionId::value));
        published.forEach(decision -> revisions.computeIfAbsent(decision.id(), id -> new ArrayList<>())
                .add(decision.revision() + " " + decision.outcome() + " " + decision.decision().recognisedCredits()));
        return revisions;
    }
}
