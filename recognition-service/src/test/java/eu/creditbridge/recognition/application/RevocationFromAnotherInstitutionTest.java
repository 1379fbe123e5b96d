package eu.creditbridge.recognition.application;

import eu.creditbridge.recognition.store.MongoRevocationStore;
import eu.creditbridge.recognition.store.MongoLearnerRecordStore;
import eu.creditbridge.recognition.store.MongoDecisionStore;
import static eu.creditbridge.recognition.Fixtures.ANNA;
import static eu.creditbridge.recognition.Fixtures.LODZ;
import static eu.creditbridge.recognition.Fixtures.ROTTERDAM;
import static eu.creditbridge.recognition.Fixtures.credential;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.Fixtures;
import eu.creditbridge.recognition.TrustFixtures;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.Outcome;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.domain.Revocation;
import eu.creditbridge.recognition.store.InProcessMongo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Only the credential's issuer may revoke it: a revocation in another university's name changes no record. */
class RevocationFromAnotherInstitutionTest {

    private static final SchacCode CORK = SchacCode.of("ucc.ie");
    private static InProcessMongo mongo;

    private final MovableClock clock = new MovableClock(Instant.parse("2025-02-20T10:00:00Z"));
    private final RecordingDecisionPublisher publisher = new RecordingDecisionPublisher();
    private final List<String> refusals = new ArrayList<>();
    private DecisionStore decisions;
    private LearnerRecordStore records;
    private RevocationStore revocations;
    private RecognisingCredential recognising;
    private ReversingRecognition reversing;

    @BeforeAll
    static void startMongo() {
        mongo = InProcessMongo.shared();
    }

    @BeforeEach
    void wire() {
        MongoDatabase database = mongo.freshDatabase();
        decisions = new MongoDecisionStore(database);
        records = new MongoLearnerRecordStore(database);
        revocations = new MongoRevocationStore(database);
        RegistryView registry = new RegistryView();
        registry.institutionUpdated(Fixtures.lodz());
        registry.institutionUpdated(Fixtures.rotterdam());
        registry.rulesetPublished(Fixtures.lodzRuleset());
        RecognitionMetrics metrics = new RecognitionMetrics() {
            @Override
            public void decisionStored(RecognitionDecision decision, Optional<Instant> occurredAt) {
            }

            @Override
            public void revocationRefused(String reason) {
                refusals.add(reason);
            }
        };
        PublishingDecisions publishing = new PublishingDecisions(decisions, publisher);
        reversing = new ReversingRecognition(decisions, records, revocations, publishing, clock, metrics);
        recognising = new RecognisingCredential(registry, Fixtures.policy(), RecognitionCases.withoutLearnerData(), decisions, records, revocations, reversing,
                publishing, new UnknownInstitutionGrace(Duration.ofSeconds(5), clock), TrustFixtures.everySignatureValid(),
                TrustFixtures.keyGrace(clock), clock, metrics);
    }

    private static Revocation revocationBy(SchacCode sender, Credential credential) {
        return new Revocation(credential.credentialId(), sender, credential.learner(), LODZ, Instant.parse("2025-03-01T09:00:00Z"),
                "issued to the wrong learner");
    }

    private EctsCredits annasTotal() {
        return records.find(LODZ, ANNA).map(record -> record.totals().total()).orElse(EctsCredits.ZERO);
    }

    @Test
    void aRevocationInAnotherUniversitysNameIsRefusedCountedAndChangesNothing() {
        Credential fromRotterdam = credential().issuedBy(ROTTERDAM).build();
        RecognitionDecision decided = recognising.recognise(fromRotterdam);
        int published = publisher.published.size();

        assertThatThrownBy(() -> reversing.reverse(revocationBy(CORK, fromRotterdam)))
                .isInstanceOf(RevocationRefused.class)
                .hasMessageContaining("sent in the name of ucc.ie").hasMessageContaining("issued by eur.nl");

        assertThat(decisions.find(decided.id()).orElseThrow().decision()).isEqualTo(decided);
        assertThat(annasTotal()).isEqualTo(EctsCredits.of("5"));
        assertThat(revocations.find(decided.id(), CORK)).isEmpty();
        assertThat(publisher.published).hasSize(published);
        assertThat(refusals).containsExactly(RevocationRefused.NOT_THE_ISSUER);
    }

    @Test
    void theIssuersOwnRevocationStillWithdrawsTheDecision() {
        Credential fromRotterdam = credential().issuedBy(ROTTERDAM).build();
        recognising.recognise(fromRotterdam);

        assertThat(reversing.reverse(revocationBy(ROTTERDAM, fromRotterdam))).map(RecognitionDecision::outcome).contains(Outcome.WITHDRAWN);

        assertThat(annasTotal()).isEqualTo(EctsCredits.ZERO);
        assertThat(refusals).isEmpty();
    }

    @Test
    void aStrangersRevocationRecordedBeforeTheIssuanceDoesNotRejectItAndIsCountedOnce() {
        Credential fromRotterdam = credential().issuedBy(ROTTERDAM).build();
        reversing.reverse(revocationBy(CORK, fromRotterdam)); // nothing to compare with yet: recorded

        RecognitionDecision decided = recognising.recognise(fromRotterdam);
        recognising.recognise(fromRotterdam); // redelivered

        assertThat(decided.outcome()).isEqualTo(Outcome.RECOGNISED);
        assertThat(annasTotal()).isEqualTo(EctsCredits.of("5"));
        assertThat(refusals).containsExactly(RevocationRefused.NOT_THE_ISSUER_RECORDED_EARLY);
    }

    @Test
    void aStrangersEarlyRevocationDoesNotCrowdOutTheIssuersOwn() {
        Credential fromRotterdam = credential().issuedBy(ROTTERDAM).build();
        reversing.reverse(revocationBy(CORK, fromRotterdam));
        reversing.reverse(revocationBy(ROTTERDAM, fromRotterdam));

        RecognitionDecision decided = recognising.recognise(fromRotterdam);

        assertThat(decided.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decided.decision().decisiveReason().orElseThrow().explanation()).startsWith("eur.nl revoked the credential");
        assertThat(annasTotal()).isEqualTo(EctsCredits.ZERO);
    }
}
