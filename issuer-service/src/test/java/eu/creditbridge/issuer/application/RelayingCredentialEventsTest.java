package eu.creditbridge.issuer.application;

import static eu.creditbridge.issuer.CredentialFixtures.LODZ;
import static eu.creditbridge.issuer.CredentialFixtures.LODZ_OFFICER;
import static eu.creditbridge.issuer.CredentialFixtures.ROTTERDAM;
import static eu.creditbridge.issuer.CredentialFixtures.courseResultFromLodz;
import static org.assertj.core.api.Assertions.assertThat;

import eu.creditbridge.issuer.InProcessMongo;
import eu.creditbridge.issuer.domain.CredentialId;
import eu.creditbridge.issuer.domain.IssuerEvent;
import eu.creditbridge.issuer.domain.RecognitionDecision;
import eu.creditbridge.issuer.signing.Ed25519SigningKeyFactory;
import eu.creditbridge.issuer.signing.JwsCredentialSigner;
import eu.creditbridge.issuer.store.MongoCredentialStore;
import eu.creditbridge.issuer.store.MongoDecisionStore;
import eu.creditbridge.issuer.store.MongoSigningKeyStore;
import eu.creditbridge.messaging.outbox.BatchPublisher;
import eu.creditbridge.messaging.outbox.Confirmation;
import eu.creditbridge.messaging.outbox.OutboxRelay;
import eu.creditbridge.messaging.outbox.PublishingFailed;
import eu.creditbridge.kernel.SchacCode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox end to end on the wire-protocol store, with a publisher that records what it was given. */
class RelayingCredentialEventsTest {

    private static final InProcessMongo MONGO = new InProcessMongo();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-07-01T10:00:00Z"), ZoneOffset.UTC);

    /** Stands in for Kafka: acknowledges, or refuses while the "broker" is down. */
    static final class RecordingPublisher implements BatchPublisher<PendingEvent> {
        final List<IssuerEvent> published = new ArrayList<>();
        boolean brokerDown;

        @Override
        public Confirmation publish(List<PendingEvent> events) {
            return BatchPublisher.<PendingEvent>oneByOne(event -> {
                if (brokerDown) {
                    throw new PublishingFailed("broker unreachable", new RuntimeException());
                }
                published.add(event.event());
            }).publish(events);
        }
    }

    private MongoCredentialStore credentials;
    private MongoDecisionStore decisions;
    private RecordingPublisher publisher;
    private com.mongodb.client.MongoDatabase credentialsDatabase;

    @BeforeEach
    void freshService() {
        var database = MONGO.freshDatabase();
        credentialsDatabase = database;
        credentials = new MongoCredentialStore(database);
        decisions = new MongoDecisionStore(database);
        publisher = new RecordingPublisher();
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    private IssuingCredential issuing(OutboxTrigger trigger) {
        var keys = new KeepingSigningKeys(new MongoSigningKeyStore(credentialsDatabase), new Ed25519SigningKeyFactory(),
                (institution, key) -> { }, CLOCK, java.time.LocalDate.of(2000, 1, 1));
        return new IssuingCredential(credentials, trigger, CLOCK, keys, new JwsCredentialSigner());
    }

    private OutboxRelay<PendingEvent> relay() {
        return relay(100);
    }

    private OutboxRelay<PendingEvent> relay(int batchSize) {
        return new OutboxRelay<>("credentials", new CredentialOutbox(credentials, CLOCK, Duration.ofMinutes(2)), publisher, batchSize);
    }

    @Test
    void eventsStoredBeforeACrashArePublishedInOrderByTheNextRelay() {
        // The process "dies" after storing: the trigger never runs, so the events wait in the outbox.
        var issuing = issuing(OutboxTrigger.NONE);
        var revoking = new RevokingCredential(credentials, OutboxTrigger.NONE, CLOCK);
        var credential = issuing.issue(courseResultFromLodz(), LODZ_OFFICER).credential();
        revoking.revoke(credential.id(), "Issued to the wrong learner", LODZ_OFFICER);

        // A new process, a new relay over the same store.
        int published = relay().relayPending();

        assertThat(published).isEqualTo(2);
        assertThat(publisher.published).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("CredentialIssued", "CredentialRevoked");
        assertThat(credentials.withUnpublishedEvents(10)).isEmpty();
        assertThat(relay().relayPending()).isZero();
    }

    @Test
    void aBacklogLargerThanOneBatchIsDrainedInOneRound() {
        var issuing = issuing(OutboxTrigger.NONE);
        for (int i = 0; i < 7; i++) {
            issuing.issue(courseResultFromLodz(), LODZ_OFFICER);
        }

        int published = relay(3).relayPending();

        assertThat(published).isEqualTo(7);
        assertThat(credentials.withUnpublishedEvents(10)).isEmpty();
    }

    /** Stands in for the tracer: the trace a request runs in, and the one a relay continues. */
    static final class RecordingTrace implements eu.creditbridge.messaging.tracing.OutboxTrace {
        String inScope;

        @Override
        public java.util.Optional<String> current() {
            return java.util.Optional.ofNullable(inScope);
        }

        @Override
        public <T> T continued(String traceParent, String spanName, java.util.function.Supplier<T> work) {
            String caller = inScope;
            inScope = traceParent;
            try {
                return work.get();
            } finally {
                inScope = caller;
            }
        }
    }

    @Test
    void eachEventIsPublishedInTheTraceOfTheRequestThatRecordedItAndTheBacklogFallsToZero() {
        var trace = new RecordingTrace();
        credentials = new MongoCredentialStore(credentialsDatabase, trace::currentOrNull);
        List<String> tracesAtPublish = new ArrayList<>();
        // The relay hands each event to the publisher with the trace kept for it; the shared publisher sends it inside a
        // span continuing that trace (KafkaBatchPublisherTest, MicrometerOutboxTraceTest).
        BatchPublisher<PendingEvent> tracingPublisher = BatchPublisher.oneByOne(event -> tracesAtPublish.add(event.traceParent()));
        String issueRequest = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        String revokeRequest = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        trace.inScope = issueRequest;
        var id = issuing(OutboxTrigger.NONE).issue(courseResultFromLodz(), LODZ_OFFICER).credential().id();
        trace.inScope = revokeRequest;
        new RevokingCredential(credentials, OutboxTrigger.NONE, CLOCK).revoke(id, "Issued to the wrong learner", LODZ_OFFICER);
        trace.inScope = null; // the relay's own thread traces nothing
        assertThat(credentials.countWithUnpublishedEvents()).isEqualTo(1);

        new OutboxRelay<>("credentials", new CredentialOutbox(credentials, CLOCK, Duration.ofMinutes(2)), tracingPublisher, 100)
                .relayPending();

        assertThat(tracesAtPublish).containsExactly(issueRequest, revokeRequest);
        assertThat(credentials.countWithUnpublishedEvents()).isZero();
    }

    @Test
    void whileTheBrokerIsDownNothingIsLostAndNothingOvertakes() {
        var issuing = issuing(OutboxTrigger.NONE);
        var id = issuing.issue(courseResultFromLodz(), LODZ_OFFICER).credential().id();
        new RevokingCredential(credentials, OutboxTrigger.NONE, CLOCK).revoke(id, "Duplicate of another credential", LODZ_OFFICER);
        publisher.brokerDown = true;

        assertThat(relay().relayPending()).isZero();

        publisher.brokerDown = false;
        assertThat(relay().relayPending()).isEqualTo(2);
        assertThat(publisher.published).extracting(IssuerEvent::credentialId).containsExactly(id, id);
        assertThat(publisher.published.get(0)).isInstanceOf(IssuerEvent.CredentialIssued.class);
    }

    @Test
    void theImmediateAttemptPublishesRightAfterTheRequest() {
        var relay = relay();
        var issuing = issuing(id -> relay.relayPending());

        var issued = issuing.issue(courseResultFromLodz(), LODZ_OFFICER);

        assertThat(publisher.published).extracting(IssuerEvent::eventId)
                .containsExactly(issued.credential().events().get(0).eventId());
        assertThat(credentials.find(issued.credential().id()).orElseThrow().fullyPublished()).isTrue();
    }

    @Test
    void aRetriedIssueWithTheSameIdIssuesOnce() {
        var issuing = issuing(OutboxTrigger.NONE);
        var id = CredentialId.random();

        var first = issuing.issue(courseResultFromLodz(id), LODZ_OFFICER);
        var retry = issuing.issue(courseResultFromLodz(id), LODZ_OFFICER);

        assertThat(first).isInstanceOf(IssuingCredential.Issuance.Issued.class);
        assertThat(retry).isInstanceOf(IssuingCredential.Issuance.AlreadyIssued.class);
        assertThat(relay().relayPending()).isEqualTo(1);
    }

    @Test
    void decisionsOnCredentialsIssuedHereAreKeptOnceEachRevision() {
        var recording = new RecordingRecognitionDecision(credentials, decisions, institution -> false);
        var ours = issuing(OutboxTrigger.NONE).issue(courseResultFromLodz(), LODZ_OFFICER).credential();

        assertThat(recording.record(decision(ours.id(), LODZ))).isEqualTo(RecordingRecognitionDecision.Recorded.STORED);
        assertThat(recording.record(decision(ours.id(), LODZ)))
                .isEqualTo(RecordingRecognitionDecision.Recorded.STALE_REVISION_IGNORED);
    }

    @Test
    void decisionsOnCredentialsAListedPartnerPublishedItselfAreKeptForIt() {
        var recording = new RecordingRecognitionDecision(credentials, decisions, LODZ::equals);
        var publishedStraightOntoKafka = CredentialId.random();

        assertThat(recording.record(decision(publishedStraightOntoKafka, LODZ)))
                .isEqualTo(RecordingRecognitionDecision.Recorded.STORED);
        assertThat(decisions.ofIssuer(LODZ, Instant.EPOCH, 0, 10)).extracting(r -> r.decision().credentialId())
                .containsExactly(publishedStraightOntoKafka);
    }

    @Test
    void decisionsOnCredentialsOfAnInstitutionTheRegistryDoesNotListAreIgnored() {
        var recording = new RecordingRecognitionDecision(credentials, decisions, LODZ::equals);
        var stranger = new SchacCode("stranger.example");

        assertThat(recording.record(decision(CredentialId.random(), stranger)))
                .isEqualTo(RecordingRecognitionDecision.Recorded.UNKNOWN_ISSUER_IGNORED);
        assertThat(decisions.ofIssuer(stranger, Instant.EPOCH, 0, 10)).isEmpty();
    }

    private static RecognitionDecision decision(CredentialId id, SchacCode issuer) {
        return new RecognitionDecision("d-1", 1, id, issuer, null, ROTTERDAM, RecognitionDecision.Outcome.RECOGNISED,
                new BigDecimal("6.00"), new BigDecimal("6.00"), null, null, null, "NONE",
                List.of(new RecognitionDecision.Reason("issuer-registered", false, LODZ.value() + " is a UNIC member")),
                "VALID", 1, "RULES", null, CLOCK.instant());
    }
}
