package eu.creditbridge.issuer.store;

import static eu.creditbridge.issuer.CredentialFixtures.LEARNER;
import static eu.creditbridge.issuer.CredentialFixtures.LODZ;
import static eu.creditbridge.issuer.CredentialFixtures.ROTTERDAM;
import static org.assertj.core.api.Assertions.assertThat;

import eu.creditbridge.issuer.InProcessMongo;
import eu.creditbridge.issuer.domain.CredentialId;
import eu.creditbridge.issuer.domain.Grade;
import eu.creditbridge.issuer.domain.RecognitionDecision.Outcome;
import eu.creditbridge.issuer.domain.RecognitionDecision;
import eu.creditbridge.kernel.SchacCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MongoDecisionStoreTest {

    private static final InProcessMongo MONGO = new InProcessMongo();
    private static final CredentialId CREDENTIAL = CredentialId.random();

    private MongoDecisionStore store;

    @BeforeEach
    void freshStore() {
        store = new MongoDecisionStore(MONGO.freshDatabase());
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

    private static RecognitionDecision decision(SchacCode receiver, int revision, Outcome outcome) {
        return new RecognitionDecision("decision-" + receiver.value(), revision, CREDENTIAL, LEARNER, receiver, outcome,
                new BigDecimal("6.00"), outcome == Outcome.RECOGNISED ? new BigDecimal("6.00") : new BigDecimal("0.00"),
                new RecognitionDecision.Target("LOCAL_COURSE", "FEM11092", "Data Science for Economics"),
                new Grade("4.5", "pl-2-5", true), new Grade("8", "nl-1-10", true), "ECTS_GRADING_TABLE",
                List.of(new RecognitionDecision.Reason("equivalence-" + LODZ.value(), true,
                        "1100-DME-S2 at uni.lodz.pl is equivalent to FEM11092")),
                4, "RULES", null, Instant.parse("2025-07-01T10:00:0" + revision + "Z"));
    }
}
