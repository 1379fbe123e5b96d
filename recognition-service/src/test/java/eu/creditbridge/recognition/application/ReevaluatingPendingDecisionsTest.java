package eu.creditbridge.recognition.application;

import eu.creditbridge.recognition.store.MongoPendingDecisionStore;
import eu.creditbridge.recognition.store.MongoRevocationStore;
import eu.creditbridge.recognition.store.MongoLearnerRecordStore;
import eu.creditbridge.recognition.store.MongoDecisionStore;
import static eu.creditbridge.recognition.Fixtures.ANNA;
import static eu.creditbridge.recognition.Fixtures.LODZ;
import static eu.creditbridge.recognition.Fixtures.credential;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.recognition.Fixtures;
import eu.creditbridge.recognition.TrustFixtures;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.DecidedBy;
import eu.creditbridge.recognition.domain.DecisionReason;
import eu.creditbridge.recognition.domain.Outcome;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.domain.RecognitionPolicy;
import eu.creditbridge.recognition.domain.Revocation;
import eu.creditbridge.recognition.domain.Ruleset;
import eu.creditbridge.recognition.store.InProcessMongo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lodz first publishes version 3 without any course equivalence, so Rotterdam's Data Science waits for a
 * registrar; version 4 lists the equivalence. On the wire-protocol MongoDB server.
 */
class ReevaluatingPendingDecisionsTest {

    private static InProcessMongo mongo;

    private final MovableClock clock = new MovableClock(Instant.parse("2025-02-20T10:00:00Z"));
    private final RecordingDecisionPublisher publisher = new RecordingDecisionPublisher();
    private DecisionStore decisions;
    private LearnerRecordStore records;
    private RevocationStore revocations;
    private RegistryView registry;
    private RecognisingCredential recognising;
    private ReversingRecognition reversing;
    private ReevaluatingPendingDecisions reevaluating;
    private final List<String> revisionsReported = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static final Ruleset WITHOUT_EQUIVALENCES = new Ruleset(LODZ, 3, List.of(), Optional.empty());
    private static final Ruleset WITH_DATA_SCIENCE = new Ruleset(LODZ, 4, List.of(Fixtures.rotterdamDataScience()), Optional.empty());

    @BeforeAll
    static void startMongo() {
        mongo = InProcessMongo.shared();
    }

    private MongoDatabase database;

    private MongoDatabase mongoDatabaseOf() {
        return database;
    }

    @BeforeEach
    void wire() {
        database = mongo.freshDatabase();
        decisions = new MongoDecisionStore(database);
        records = new MongoLearnerRecordStore(database);
        revocations = new MongoRevocationStore(database);
        registry = new RegistryView();
        registry.institutionUpdated(Fixtures.lodz());
        registry.institutionUpdated(Fixtures.rotterdam());
        registry.rulesetPublished(WITHOUT_EQUIVALENCES);
        PublishingDecisions publishing = new PublishingDecisions(decisions, publisher);
        reversing = new ReversingRecognition(decisions, records, revocations, publishing, clock);
        RecognitionPolicy policy = Fixtures.policy();
        recognising = new RecognisingCredential(registry, policy, RecognitionCases.withoutLearnerData(), decisions, records, revocations, reversing, publishing,
                new UnknownInstitutionGrace(Duration.ofSeconds(5), clock),
                eu.creditbridge.recognition.TrustFixtures.everySignatureValid(), eu.creditbridge.recognition.TrustFixtures.keyGrace(clock), clock);
        // A batch of 2, so paging through several batches is exercised too.
        reevaluating = new ReevaluatingPendingDecisions(registry, policy, RecognitionCases.withoutLearnerData(), TrustFixtures.everySignatureValid(), new MongoPendingDecisionStore(database), records, revocations, reversing,
                publishing, clock, 2, new RecognitionMetrics() {
                    @Override
                    public void decisionStored(RecognitionDecision decision, Optional<java.time.Instant> occurredAt) {
                    }

                    @Override
                    public void decisionRevised(RecognitionDecision revision, RevisionCause cause) {
                        revisionsReported.add(revision.revision() + " " + revision.outcome() + " " + cause.tag());
                    }
                });
    }

    private RecognitionDecision awaitingRegistrar(Credential credential) {
        RecognitionDecision decision = recognising.recognise(credential);
        assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        return decision;
    }

    private ReevaluatingPendingDecisions.Reevaluation publish(Ruleset ruleset) {
        clock.advance(Duration.ofDays(1));
        registry.rulesetPublished(ruleset);
        return reevaluating.reevaluate(LODZ);
    }

    private EctsCredits annasTotal() {
        return records.find(LODZ, ANNA).map(record -> record.totals().total()).orElse(EctsCredits.ZERO);
    }

    @Test
    void aNewVersionRecognisesWhatTheOldOneLeftToARegistrarAsANewRevision() {
        Credential dataScience = credential().build();
        awaitingRegistrar(dataScience);

        ReevaluatingPendingDecisions.Reevaluation run = publish(WITH_DATA_SCIENCE);

        assertThat(run.revised()).singleElement().satisfies(revised -> {
            assertThat(revised.revision()).isEqualTo(2);
            assertThat(revised.outcome()).isEqualTo(Outcome.RECOGNISED);
            assertThat(revised.decidedBy()).isEqualTo(DecidedBy.RULES);
            assertThat(revised.decision().rulesetVersion()).contains(4);
            assertThat(revised.decision().target()).hasValueSatisfying(target -> assertThat(target.code()).isEqualTo("INF-2041"));
            assertThat(revised.decision().reasons()).extracting(DecisionReason::step).contains("course-equivalence", "re-evaluation");
            assertThat(revised.decision().reasons()).filteredOn(reason -> reason.step().equals("re-evaluation")).singleElement()
                    .satisfies(reason -> assertThat(reason.explanation()).contains("Ruleset version 4").contains("revision 1 (NEEDS_REVIEW under ruleset version 3"));
        });
        assertThat(decisions.find(dataScience.decisionId())).hasValueSatisfying(stored -> {
            assertThat(stored.decision().revision()).isEqualTo(2);
            assertThat(stored.pending()).isFalse();
        });
        assertThat(annasTotal()).isEqualTo(EctsCredits.of("5"));
        assertThat(publisher.published).extracting(RecognitionDecision::revision).containsExactly(1, 2);
    }

    @Test
    void runningAgainChangesNothingTwice() {
        Credential dataScience = credential().build();
        awaitingRegistrar(dataScience);
        publish(WITH_DATA_SCIENCE);

        ReevaluatingPendingDecisions.Reevaluation again = reevaluating.reevaluate(LODZ);

        assertThat(again.revised()).isEmpty();
        assertThat(again.unchanged()).isZero();
        assertThat(decisions.find(dataScience.decisionId()).orElseThrow().decision().revision()).isEqualTo(2);
        assertThat(annasTotal()).isEqualTo(EctsCredits.of("5"));
        assertThat(publisher.published).hasSize(2);
        assertThat(revisionsReported).containsExactly("2 RECOGNISED re-evaluation");
    }

    @Test
    void aDecisionTheNewVersionStillLeavesToARegistrarKeepsItsRevisionAndIsNotLookedAtAgain() {
        Credential unlisted = credential().courseCode("FEB99999").title("Behavioural Economics").build();
        awaitingRegistrar(unlisted);

        ReevaluatingPendingDecisions.Reevaluation run = publish(WITH_DATA_SCIENCE);

        assertThat(run.revised()).isEmpty();
        assertThat(run.unchanged()).isEqualTo(1);
        RecognitionDecision stored = decisions.find(unlisted.decisionId()).orElseThrow().decision();
        assertThat(stored.revision()).isEqualTo(1);
        assertThat(stored.decision().rulesetVersion()).contains(3);
        assertThat(reevaluating.reevaluate(LODZ).unchanged()).isZero();
    }

    @Test
    void whatARegistrarDecidedStandsEvenWhenItAwaitsMore() {
        Credential dataScience = credential().build();
        RecognitionDecision byRules = RecognitionDecision.byRules(dataScience,
                Fixtures.policy().decide(new eu.creditbridge.recognition.domain.RecognitionCase(dataScience, Fixtures.lodz(),
                        Optional.of(Fixtures.rotterdam()), Optional.of(WITHOUT_EQUIVALENCES))), clock.instant());
        RecognitionDecision byRegistrar = new RecognitionDecision(byRules.id(), 1, byRules.learner(), byRules.issuingInstitution(),
                byRules.credentialTitle(), byRules.originalCredits(), byRules.decision(), DecidedBy.REGISTRAR, Optional.of("registrar@uni.lodz.pl"),
                clock.instant());
        decisions.insertOrLoad(byRegistrar, dataScience);

        ReevaluatingPendingDecisions.Reevaluation run = publish(WITH_DATA_SCIENCE);

        assertThat(run.revised()).isEmpty();
        assertThat(run.unchanged()).isZero();
        assertThat(decisions.find(dataScience.decisionId()).orElseThrow().decision().decidedBy()).isEqualTo(DecidedBy.REGISTRAR);
    }

    @Test
    void aRevokedCredentialIsNotRecognisedByTheNewVersion() {
        Credential dataScience = credential().build();
        awaitingRegistrar(dataScience);
        Revocation revocation = new Revocation(dataScience.credentialId(), dataScience.issuingInstitution(), ANNA, LODZ,
                Instant.parse("2025-02-21T09:00:00Z"), "issued to the wrong learner");
        revocations.record(revocation);
        reversing.reverse(revocation);

        ReevaluatingPendingDecisions.Reevaluation run = publish(WITH_DATA_SCIENCE);

        assertThat(run.revised()).isEmpty();
        assertThat(decisions.find(dataScience.decisionId()).orElseThrow().decision().outcome()).isEqualTo(Outcome.WITHDRAWN);
        assertThat(annasTotal()).isEqualTo(EctsCredits.ZERO);
    }

    @Test
    void aDecisionStoredWithoutItsCredentialIsLeftToTheRegistrarOnce() {
        Credential dataScience = credential().build();
        decisions.insertOrLoad(RecognitionDecision.byRules(dataScience,
                Fixtures.policy().decide(new eu.creditbridge.recognition.domain.RecognitionCase(dataScience, Fixtures.lodz(),
                        Optional.of(Fixtures.rotterdam()), Optional.of(WITHOUT_EQUIVALENCES))), clock.instant()));

        ReevaluatingPendingDecisions.Reevaluation run = publish(WITH_DATA_SCIENCE);

        assertThat(run.skipped()).isEqualTo(1);
        assertThat(decisions.find(dataScience.decisionId()).orElseThrow().decision().outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(reevaluating.reevaluate(LODZ).skipped()).isZero();
    }

    @Test
    void severalPendingDecisionsAcrossBatchesAreEachDecidedOnce() {
        List<Credential> credentials = List.of(credential().build(), credential().build(), credential().build(),
                credential().courseCode("FEB99999").build(), credential().build());
        credentials.forEach(this::awaitingRegistrar);

        ReevaluatingPendingDecisions.Reevaluation run = publish(WITH_DATA_SCIENCE);

        assertThat(run.revised()).hasSize(4);
        assertThat(run.unchanged()).isEqualTo(1);
        assertThat(annasTotal()).isEqualTo(EctsCredits.of("20"));
    }

    @Test
    void theSignatureIsVerifiedAgainAndAForgeryStaysWithTheRegistrar() {
        Credential dataScience = credential().build();
        awaitingRegistrar(dataScience);
        clock.advance(Duration.ofDays(1));
        registry.rulesetPublished(WITH_DATA_SCIENCE);
        ReevaluatingPendingDecisions distrusting = new ReevaluatingPendingDecisions(registry, Fixtures.policy(), RecognitionCases.withoutLearnerData(),
                (credential, issuer) -> eu.creditbridge.recognition.domain.SignatureVerdict.of(
                        eu.creditbridge.recognition.domain.SignatureVerdict.Status.INVALID_SIGNATURE, "the signature does not fit"),
                new MongoPendingDecisionStore(mongoDatabaseOf()), records, revocations, reversing,
                new PublishingDecisions(decisions, publisher), clock, 10);

        ReevaluatingPendingDecisions.Reevaluation run = distrusting.reevaluate(LODZ);

        assertThat(run.revised()).isEmpty();
        assertThat(run.unchanged()).isEqualTo(1);
        assertThat(annasTotal()).isEqualTo(EctsCredits.ZERO);
    }

    @Test
    void theRegistryViewTellsOfAHigherVersionOnlyOnceCaughtUp() {
        List<Integer> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        RegistryView view = new RegistryView();
        view.onNewRulesetVersion(ruleset -> told.add(ruleset.version()));

        view.rulesetPublished(WITHOUT_EQUIVALENCES);
        view.caughtUp();
        view.rulesetPublished(WITH_DATA_SCIENCE);
        view.rulesetPublished(WITHOUT_EQUIVALENCES); // an old version re-read: not news
        view.rulesetPublished(WITH_DATA_SCIENCE);    // the same version again: not news

        assertThat(told).containsExactly(4);
        assertThat(view.rulesets()).containsExactly(WITH_DATA_SCIENCE);
    }
}
