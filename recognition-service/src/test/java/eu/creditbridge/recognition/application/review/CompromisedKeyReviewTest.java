package eu.creditbridge.recognition.application.review;

import static eu.creditbridge.recognition.Fixtures.ANNA;
import static eu.creditbridge.recognition.Fixtures.LODZ;
import static eu.creditbridge.recognition.Fixtures.ROTTERDAM;
import static eu.creditbridge.recognition.Fixtures.credential;
import static org.assertj.core.api.Assertions.assertThat;

import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.recognition.ReviewFixtures;
import eu.creditbridge.recognition.TrustFixtures;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.Decision;
import eu.creditbridge.recognition.domain.DecisionReason;
import eu.creditbridge.recognition.domain.IssuerSigningKey;
import eu.creditbridge.recognition.domain.Outcome;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.domain.RecognitionTarget;
import eu.creditbridge.recognition.domain.SignatureVerdict;
import eu.creditbridge.recognition.domain.review.ActionKind;
import eu.creditbridge.recognition.domain.review.AuditEntry;
import eu.creditbridge.recognition.domain.review.KeyCompromise;
import eu.creditbridge.recognition.domain.review.TracedSignature;
import eu.creditbridge.recognition.store.InProcessMongo;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rotterdam's admin reports key eur-2025 compromised from 1 February 2025: what was decided on it goes back to review. */
class CompromisedKeyReviewTest {

    private static final LocalDate COMPROMISED_FROM = LocalDate.of(2025, 2, 1);
    private static final IssuerSigningKey COMPROMISED = new IssuerSigningKey("eur-2025", "EdDSA", "{}", LocalDate.of(2025, 1, 1),
            Optional.empty(), Optional.of(COMPROMISED_FROM));
    private static InProcessMongo mongo;
    private ReviewWiring review;

    @BeforeAll
    static void startMongo() {
        mongo = InProcessMongo.shared();
    }

    @BeforeEach
    void wire() {
        review = new ReviewWiring(mongo.freshDatabase());
    }

    private static Credential signedWith(String keyId, LocalDate issuedOn) {
        return credential().issuedBy(ROTTERDAM).issuedOn(issuedOn).signature(TrustFixtures.signatureWithKeyId(keyId)).build();
    }

    /** Recognised by the rules on a VALID signature, counted in Anna's record, as the pipeline stores it. */
    private RecognitionDecision recognised(Credential credential) {
        Decision decision = new Decision(Outcome.RECOGNISED, credential.credits(), Optional.of(RecognitionTarget.localCourse("INF-2031",
                Optional.of("Data Science"))), ReviewFixtures.needsReview(credential).grade(), List.of(
                DecisionReason.considered("signature", "Signature VALID: signed with key eur-2025 listed for eur.nl."),
                DecisionReason.decisive("course-equivalence", "FEB22012 is INF-2031 in ruleset version 3.")), Optional.of(3));
        RecognitionDecision stored = RecognitionDecision.byRules(credential, decision, ReviewFixtures.DECIDED_AT);
        review.decisions.insertOrLoad(stored, credential);
        review.records.recognise(stored);
        return stored;
    }

    @Test
    void aRecognitionOnACompromisedKeyGoesBackToReviewAuditedPublishedAndOutOfTheRecord() {
        RecognitionDecision onTheKey = recognised(signedWith("eur-2025", LocalDate.of(2025, 2, 14)));
        RecognitionDecision beforeTheCompromise = recognised(signedWith("eur-2025", LocalDate.of(2025, 1, 20)));
        RecognitionDecision otherKey = recognised(signedWith("eur-2024", LocalDate.of(2025, 2, 14)));
        assertThat(review.total(LODZ, ANNA)).isEqualTo(EctsCredits.of("15"));

        ReopeningOnCompromisedKey.Reopening run = review.reopening.reopen(ROTTERDAM, COMPROMISED);

        assertThat(run.reopened()).extracting(RecognitionDecision::id).containsExactly(onTheKey.id());
        var now = review.reviews.find(onTheKey.id()).orElseThrow();
        assertThat(now.decision().revision()).isEqualTo(2);
        assertThat(now.decision().outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(now.decision().decision().decisiveReason().orElseThrow().step()).isEqualTo(KeyCompromise.STEP);
        assertThat(TracedSignature.of(now.decision().decision().reasons()).status()).isEqualTo(SignatureVerdict.Status.KEY_COMPROMISED);
        AuditEntry entry = now.audit().get(now.audit().size() - 1);
        assertThat(entry.action()).isEqualTo(ActionKind.REOPENED);
        assertThat(entry.registrar()).isEqualTo(KeyCompromise.SERVICE);
        assertThat(entry.changes()).extracting(AuditEntry.Change::field).contains("outcome", "recognisedCredits", "signature");
        assertThat(entry.why()).hasValueSatisfying(why -> assertThat(why).contains("compromised from 2025-02-01"));
        assertThat(review.total(LODZ, ANNA)).isEqualTo(EctsCredits.of("10"));
        assertThat(review.publisher.published).extracting(RecognitionDecision::id, RecognitionDecision::revision)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(onTheKey.id(), 2));
        assertThat(review.revisionsCounted).containsExactly("NEEDS_REVIEW RULES key-compromised");
        assertThat(review.reviews.find(beforeTheCompromise.id()).orElseThrow().decision()).isEqualTo(beforeTheCompromise);
        assertThat(review.reviews.find(otherKey.id()).orElseThrow().decision()).isEqualTo(otherKey);
    }

    @Test
    void replayingTheSameInstitutionUpdateReDecidesNothingTwice() {
        RecognitionDecision onTheKey = recognised(signedWith("eur-2025", LocalDate.of(2025, 2, 14)));
        review.reopening.reopen(ROTTERDAM, COMPROMISED);

        ReopeningOnCompromisedKey.Reopening again = review.reopening.reopen(ROTTERDAM, COMPROMISED);

        assertThat(again.reopened()).isEmpty();
        assertThat(review.reviews.find(onTheKey.id()).orElseThrow().decision().revision()).isEqualTo(2);
        assertThat(review.reviews.find(onTheKey.id()).orElseThrow().audit()).hasSize(1);
        assertThat(review.publisher.published).hasSize(1);
        assertThat(review.total(LODZ, ANNA)).isEqualTo(EctsCredits.ZERO);
    }

    @Test
    void aDecisionAwaitingARegistrarStaysThereButItsSignatureNowReadsCompromised() {
        Credential credential = signedWith("eur-2025", LocalDate.of(2025, 2, 14));
        RecognitionDecision awaiting = review.awaiting(credential);

        review.reopening.reopen(ROTTERDAM, COMPROMISED);

        var now = review.reviews.find(awaiting.id()).orElseThrow();
        assertThat(now.decision().outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(now.decision().revision()).isEqualTo(2);
        assertThat(TracedSignature.of(now.decision().decision().reasons()).status()).isEqualTo(SignatureVerdict.Status.KEY_COMPROMISED);
    }

    @Test
    void manyDecisionsOnTheKeyArePagedThroughInBatches() {
        for (int i = 0; i < 5; i++) {
            recognised(credential().issuedBy(ROTTERDAM).issuedOn(LocalDate.of(2025, 3, 1)).title("Course " + i)
                    .signature(TrustFixtures.signatureWithKeyId("eur-2025")).build());
        }

        ReopeningOnCompromisedKey.Reopening run = review.reopening.reopen(ROTTERDAM, COMPROMISED);

        assertThat(run.reopened()).hasSize(5); // batches of 2
        assertThat(review.total(LODZ, ANNA)).isEqualTo(EctsCredits.ZERO);
    }
}
