package eu.creditbridge.issuer.store;

import static eu.creditbridge.issuer.CredentialFixtures.LEARNER;
import static eu.creditbridge.issuer.CredentialFixtures.LODZ;
import static eu.creditbridge.issuer.CredentialFixtures.ROTTERDAM;
import static org.assertj.core.api.Assertions.assertThat;

import eu.creditbridge.issuer.InProcessMongo;
import eu.creditbridge.issuer.application.DecisionStore;
import eu.creditbridge.issuer.domain.CredentialId;
import eu.creditbridge.issuer.domain.Grade;
import eu.creditbridge.issuer.domain.RecognitionDecision.Outcome;
import eu.creditbridge.issuer.domain.RecognitionDecision;
import eu.creditbridge.kernel.SchacCode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MongoDecisionStoreTest {

    private static final InProcessMongo MONGO = new InProcessMongo();
    private static final CredentialId CREDENTIAL = CredentialId.random();

    private static final SchacCode CORK = new SchacCode("ucc.ie");

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T08:00:00Z"));
    private MongoDecisionStore store;

    @BeforeEach
    void freshStore() {
        store = new MongoDecisionStore(MONGO.freshDatabase(), now::get);
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @Test
    void aDecisionIsKeptWithEverythingTheReceiverSaid() {
        var decision = decision(ROTTERDAM, 1, Outcome.RECOGNISED);

        assertThat(store.keepLatest(decision)).isTrue();

        assertThat(store.forCredential(CREDENTIAL)).containsExactly(decision);
    }

    @Test
    void aNewerRevisionReplacesTheOlder() {
        store.keepLatest(decision(ROTTERDAM, 1, Outcome.NEEDS_REVIEW));

        assertThat(store.keepLatest(decision(ROTTERDAM, 2, Outcome.RECOGNISED))).isTrue();

        assertThat(store.forCredential(CREDENTIAL)).singleElement()
                .satisfies(d -> assertThat(d.revision()).isEqualTo(2))
                .satisfies(d -> assertThat(d.outcome()).isEqualTo(Outcome.RECOGNISED));
    }

    @Test
    void aRedeliveredOrLateRevisionNeverRegressesTheDecision() {
        store.keepLatest(decision(ROTTERDAM, 3, Outcome.WITHDRAWN));

        assertThat(store.keepLatest(decision(ROTTERDAM, 3, Outcome.WITHDRAWN))).isFalse();
        assertThat(store.keepLatest(decision(ROTTERDAM, 1, Outcome.RECOGNISED))).isFalse();

        assertThat(store.forCredential(CREDENTIAL)).singleElement()
                .satisfies(d -> assertThat(d.outcome()).isEqualTo(Outcome.WITHDRAWN));
    }

    @Test
    void eachReceivingInstitutionHasItsOwnDecision() {
        store.keepLatest(decision(ROTTERDAM, 1, Outcome.RECOGNISED));
        store.keepLatest(decision(new SchacCode("ucc.ie"), 1, Outcome.REJECTED));

        assertThat(store.forCredential(CREDENTIAL)).extracting(d -> d.receivingInstitution().value())
                .containsExactlyInAnyOrder("eur.nl", "ucc.ie");
    }

    @Test
    void anInstitutionReadsOnlyTheDecisionsOnItsOwnCredentialsInTheOrderTheyWereStored() {
        var lodzFirst = CredentialId.random();
        var corkOwn = CredentialId.random();
        var lodzSecond = CredentialId.random();
        store.keepLatest(decision(lodzFirst, LODZ, ROTTERDAM, 1, Outcome.RECOGNISED));
        now.updateAndGet(t -> t.plusSeconds(1));
        store.keepLatest(decision(corkOwn, CORK, ROTTERDAM, 1, Outcome.RECOGNISED));
        now.updateAndGet(t -> t.plusSeconds(1));
        store.keepLatest(decision(lodzSecond, LODZ, ROTTERDAM, 1, Outcome.NEEDS_REVIEW));

        var lodz = store.ofIssuer(LODZ, Instant.EPOCH, 0, 10);

        assertThat(lodz).extracting(r -> r.decision().credentialId()).containsExactly(lodzFirst, lodzSecond);
        assertThat(lodz).extracting(DecisionStore.ReceivedDecision::receivedAt)
                .containsExactly(Instant.parse("2026-12-07T08:00:00Z"), Instant.parse("2026-12-07T08:00:02Z"));
        assertThat(store.ofIssuer(CORK, Instant.EPOCH, 0, 10)).extracting(r -> r.decision().credentialId())
                .containsExactly(corkOwn);
    }

    @Test
    void aPollSinceTheLastReceivedDecisionGetsTheNewerRevisionsOnly() {
        var credential = CredentialId.random();
        store.keepLatest(decision(credential, LODZ, ROTTERDAM, 1, Outcome.NEEDS_REVIEW));
        now.updateAndGet(t -> t.plus(Duration.ofMinutes(5)));
        var seen = store.ofIssuer(LODZ, Instant.EPOCH, 0, 10).get(0).receivedAt();
        now.updateAndGet(t -> t.plus(Duration.ofMinutes(5)));
        store.keepLatest(decision(credential, LODZ, ROTTERDAM, 2, Outcome.RECOGNISED));

        assertThat(store.ofIssuer(LODZ, seen.plusMillis(1), 0, 10)).singleElement()
                .satisfies(r -> assertThat(r.decision().revision()).isEqualTo(2))
                .satisfies(r -> assertThat(r.decision().outcome()).isEqualTo(Outcome.RECOGNISED));
        assertThat(store.ofIssuer(LODZ, Instant.EPOCH, 1, 10)).isEmpty();
    }

    private static RecognitionDecision decision(SchacCode receiver, int revision, Outcome outcome) {
        return decision(CREDENTIAL, LODZ, receiver, revision, outcome);
    }

    private static RecognitionDecision decision(CredentialId credential, SchacCode issuer, SchacCode receiver, int revision,
                                                Outcome outcome) {
        return new RecognitionDecision("decision-" + receiver.value(), revision, credential, issuer, LEARNER, receiver, outcome,
                new BigDecimal("6.00"), outcome == Outcome.RECOGNISED ? new BigDecimal("6.00") : new BigDecimal("0.00"),
                new RecognitionDecision.Target("LOCAL_COURSE", "FEM11092", "Data Science for Economics"),
                new Grade("4.5", "pl-2-5", true), new Grade("8", "nl-1-10", true), "ECTS_GRADING_TABLE",
                List.of(new RecognitionDecision.Reason("equivalence-" + LODZ.value(), true,
                        "1100-DME-S2 at uni.lodz.pl is equivalent to FEM11092")),
                "VALID", 4, "RULES", null, Instant.parse("2025-07-01T10:00:0" + revision + "Z"));
    }
}
