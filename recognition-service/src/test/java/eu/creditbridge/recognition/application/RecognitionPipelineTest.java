package eu.creditbridge.recognition.application;

import eu.creditbridge.recognition.store.MongoRevocationStore;
import eu.creditbridge.recognition.store.MongoLearnerRecordStore;
import eu.creditbridge.recognition.store.MongoDecisionStore;
import static eu.creditbridge.recognition.Fixtures.ANNA;
import static eu.creditbridge.recognition.Fixtures.LODZ;
import static eu.creditbridge.recognition.Fixtures.OUTSIDER;
import static eu.creditbridge.recognition.Fixtures.credential;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.Fixtures;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.Outcome;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.domain.Revocation;
import eu.creditbridge.recognition.store.InProcessMongo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import eu.creditbridge.messaging.outbox.BatchPublisher;
import eu.creditbridge.messaging.outbox.OutboxRelay;

/** The whole pipeline behind the listener, on the wire-protocol MongoDB server, with a recording publisher. */
class RecognitionPipelineTest {

    private static InProcessMongo mongo;

    private final MovableClock clock = new MovableClock(Instant.parse("2025-02-20T10:00:00Z"));
    private final RecordingDecisionPublisher publisher = new RecordingDecisionPublisher();
    private DecisionStore decisions;
    private LearnerRecordStore records;
    private RegistryView registry;
    private RecognisingCredential recognising;
    private ReversingRecognition reversing;
    private PublishingDecisions publishing;

    @BeforeAll
    static void startMongo() {
        mongo = InProcessMongo.shared();
    }

    @BeforeEach
    void wire() {
        MongoDatabase database = mongo.freshDatabase();
        decisions = new MongoDecisionStore(database);
        records = new MongoLearnerRecordStore(database);
        RevocationStore revocations = new MongoRevocationStore(database);
        registry = new RegistryView();
        registry.institutionUpdated(Fixtures.lodz());
        registry.institutionUpdated(Fixtures.rotterdam());
        registry.rulesetPublished(Fixtures.lodzRuleset());
        publishing = new PublishingDecisions(decisions, publisher);
        reversing = new ReversingRecognition(decisions, records, revocations, publishing, clock);
        recognising = new RecognisingCredential(registry, Fixtures.policy(), RecognitionCases.withoutLearnerData(), decisions, records, revocations, reversing,
                publishing, new UnknownInstitutionGrace(Duration.ofSeconds(5), clock),
                eu.creditbridge.recognition.TrustFixtures.everySignatureValid(), eu.creditbridge.recognition.TrustFixtures.keyGrace(clock), clock);
    }

    private static Revocation revocationOf(Credential credential) {
        return new Revocation(credential.credentialId(), credential.issuingInstitution(), credential.learner(), LODZ,
                Instant.parse("2025-03-01T09:00:00Z"), "issued to the wrong learner");
    }

    @Test
    void aStoredDecisionIsReportedToMonitoringOnceWithItsLatencyAndARedeliveryIsNot() {
        List<String> reported = new java.util.ArrayList<>();
        RecognitionMetrics metrics = (decision, occurredAt) ->
                reported.add(decision.outcome() + " " + decision.decidedBy() + " " + occurredAt.orElseThrow());
        var monitored = new RecognisingCredential(registry, Fixtures.policy(), RecognitionCases.withoutLearnerData(), decisions, records,
                new MongoRevocationStore(mongo.freshDatabase()), reversing, publishing,
                new UnknownInstitutionGrace(Duration.ofSeconds(5), clock),
                eu.creditbridge.recognition.TrustFixtures.everySignatureValid(),
                eu.creditbridge.recognition.TrustFixtures.keyGrace(clock), clock, metrics);
        Credential credential = credential().build();
        Instant occurredAt = Instant.parse("2025-01-01T10:00:00Z");

        monitored.recognise(credential, java.util.Optional.of(occurredAt));
        monitored.recognise(credential, java.util.Optional.of(occurredAt));

        assertThat(reported).containsExactly("RECOGNISED RULES " + occurredAt);
    }

    private EctsCredits annasTotal() {
        return records.find(LODZ, ANNA).map(record -> record.totals().total()).orElse(EctsCredits.ZERO);
    }

    @Test
    void partnerCredentialIsRecognisedCountedAndPublishedOnce() {
        Credential credential = credential().build();

        RecognitionDecision decision = recognising.recognise(credential);

        assertThat(decision.outcome()).isEqualTo(Outcome.RECOGNISED);
        assertThat(annasTotal()).isEqualTo(EctsCredits.of("5"));
        assertThat(publisher.published).singleElement().isEqualTo(decision);
        assertThat(decisions.find(decision.id()).orElseThrow().pending()).isFalse();
    }

    @Test
    void redeliveredCredentialChangesNoTotalAndIsNotPublishedAgain() {
        Credential credential = credential().build();
        recognising.recognise(credential);

        // A newer ruleset meanwhile must not change what was decided: a redelivery never decides twice.
        registry.rulesetPublished(new eu.creditbridge.recognition.domain.Ruleset(LODZ, 9, List.of(), java.util.Optional.empty()));
        RecognitionDecision again = recognising.recognise(credential);

        assertThat(again.decision().rulesetVersion()).contains(3);
        assertThat(annasTotal()).isEqualTo(EctsCredits.of("5"));
        assertThat(publisher.published).hasSize(1);
    }

    @Test
    void revocationWithdrawsTheDecisionAndTheCreditsOnceAndPublishesTheNewRevision() {
        Credential credential = credential().build();
        recognising.recognise(credential);

        reversing.reverse(revocationOf(credential));
        reversing.reverse(revocationOf(credential));
        recognising.recognise(credential); // the issuance redelivered after its revocation

        assertThat(annasTotal()).isEqualTo(EctsCredits.ZERO);
        assertThat(publisher.published).extracting(RecognitionDecision::revision, RecognitionDecision::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, Outcome.RECOGNISED), org.assertj.core.groups.Tuple.tuple(2, Outcome.WITHDRAWN));
    }

    @Test
    void aWithdrawalIsReportedToMonitoringOnceAsARevisionCausedByTheRevocation() {
        List<String> revisions = new java.util.ArrayList<>();
        RecognitionMetrics metrics = new RecognitionMetrics() {
            @Override
            public void decisionStored(RecognitionDecision decision, java.util.Optional<Instant> occurredAt) {
            }

            @Override
            public void decisionRevised(RecognitionDecision revision, RevisionCause cause) {
                revisions.add(revision.revision() + " " + revision.outcome() + " " + cause.tag());
            }
        };
        var monitored = new ReversingRecognition(decisions, records, new MongoRevocationStore(mongo.freshDatabase()), publishing, clock,
                metrics);
        Credential credential = credential().build();
        recognising.recognise(credential);

        monitored.reverse(revocationOf(credential));
        monitored.reverse(revocationOf(credential));

        assertThat(revisions).containsExactly("2 WITHDRAWN revocation");
    }

    @Test
    void theRelayPublishesALeftOverRevisionInTheTraceItWasDecidedInAndTheBacklogEmpties() {
        String listenerTrace = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        List<String> tracesAtPublish = new java.util.ArrayList<>();
        String[] inScope = {listenerTrace};
        var trace = new eu.creditbridge.messaging.tracing.OutboxTrace() {
            @Override
            public java.util.Optional<String> current() {
                return java.util.Optional.ofNullable(inScope[0]);
            }

            @Override
            public <T> T continued(String traceParent, String spanName, java.util.function.Supplier<T> work) {
                String caller = inScope[0];
                inScope[0] = traceParent;
                try {
                    return work.get();
                } finally {
                    inScope[0] = caller;
                }
            }
        };
        var traced = new MongoDecisionStore(mongo.freshDatabase(), trace::currentOrNull);
        DecisionPublisher tracing = decision -> {
            if (inScope[0] == null) {
                throw new IllegalStateException("broker unavailable"); // the inline publish fails: left to the relay
            }
            tracesAtPublish.add(inScope[0]);
        };
        var publishingTraced = new PublishingDecisions(traced, tracing);
        Credential credential = credential().build();
        var stored = traced.insertOrLoad(RecognitionDecision.byRules(credential, Fixtures.policy().decide(
                new eu.creditbridge.recognition.domain.RecognitionCase(credential, Fixtures.lodz(), java.util.Optional.of(Fixtures.rotterdam()),
                        java.util.Optional.of(Fixtures.lodzRuleset()), eu.creditbridge.recognition.TrustFixtures.VALID)), clock.instant()));
        inScope[0] = null; // the relay's thread traces nothing
        publishingTraced.publishIfPending(stored);
        assertThat(traced.countPendingPublication()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(1));
        // The relay hands each revision to the shared publisher with the trace kept for it, which sends it inside a span
        // continuing that trace (messaging's KafkaBatchPublisherTest and MicrometerOutboxTraceTest).
        new OutboxRelay<>("decisions", new DecisionOutbox(traced, clock, Duration.ofSeconds(10), DecisionRelays.soleInstance(clock)),
                BatchPublisher.<StoredDecision>oneByOne(relayed -> trace.continued(relayed.traceParent(), "publish",
                        () -> tracing.publish(relayed.decision()))), 100).relayPending();

        assertThat(tracesAtPublish).containsExactly(listenerTrace);
        assertThat(traced.countPendingPublication()).isZero();
    }

    @Test
    void credentialRevokedBeforeItWasDecidedIsRejectedWhenItsIssuanceArrivesLate() {
        Credential credential = credential().build();

        assertThat(reversing.reverse(revocationOf(credential))).isEmpty();
        RecognitionDecision decision = recognising.recognise(credential);

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.decision().decisiveReason().orElseThrow().step()).isEqualTo("revocation");
        assertThat(annasTotal()).isEqualTo(EctsCredits.ZERO);
    }

    @Test
    void decisionTheBrokerDidNotAcknowledgeIsPublishedByTheRelayLater() {
        publisher.failing = true;
        RecognitionDecision decision = recognising.recognise(credential().build());
        assertThat(decisions.find(decision.id()).orElseThrow().pending()).isTrue();

        publisher.failing = false;
        assertThat(DecisionRelays.relay(decisions, publisher, clock, Duration.ofSeconds(10), 10).relayPending()).isZero(); // too fresh: the inline publish may still be running
        clock.advance(Duration.ofSeconds(11));
        assertThat(DecisionRelays.relay(decisions, publisher, clock, Duration.ofSeconds(10), 10).relayPending()).isEqualTo(1);

        assertThat(publisher.published).singleElement().isEqualTo(decision);
        assertThat(decisions.find(decision.id()).orElseThrow().pending()).isFalse();
        assertThat(DecisionRelays.relay(decisions, publisher, clock, Duration.ofSeconds(10), 10).relayPending()).isZero();
    }

    @Test
    void unknownReceivingInstitutionIsRetriedDuringTheGracePeriodThenGivenUp() {
        Credential forUnknown = credential().home(SchacCode.of("uni-new.example.eu")).build();

        assertThatThrownBy(() -> recognising.recognise(forUnknown)).isInstanceOfSatisfying(UnknownReceivingInstitution.class,
                e -> assertThat(e.settled()).isFalse());
        clock.advance(Duration.ofSeconds(5));
        assertThatThrownBy(() -> recognising.recognise(forUnknown)).isInstanceOfSatisfying(UnknownReceivingInstitution.class,
                e -> assertThat(e.settled()).isTrue());
        assertThat(decisions.find(forUnknown.decisionId())).isEmpty();
    }

    @Test
    void institutionRegisteredDuringTheGracePeriodIsRecognisedOnTheRetry() {
        SchacCode newcomer = SchacCode.of("uni-new.example.eu");
        Credential forNewcomer = credential().home(newcomer).build();
        assertThatThrownBy(() -> recognising.recognise(forNewcomer)).isInstanceOf(UnknownReceivingInstitution.class);

        registry.institutionUpdated(new eu.creditbridge.recognition.domain.Institution(newcomer, java.util.Optional.empty(), "New University",
                "BE", "be-0-20", List.of()));
        clock.advance(Duration.ofSeconds(1));

        assertThat(recognising.recognise(forNewcomer).outcome()).isEqualTo(Outcome.NEEDS_REVIEW); // it has no ruleset yet
    }

    @Test
    void credentialFromAnIssuerTheRegistryDoesNotKnowWaitsForARegistrar() {
        RecognitionDecision decision = recognising.recognise(credential().issuedBy(OUTSIDER).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(records.find(LODZ, ANNA)).isEmpty();
        assertThat(publisher.published).hasSize(1);
    }
}
