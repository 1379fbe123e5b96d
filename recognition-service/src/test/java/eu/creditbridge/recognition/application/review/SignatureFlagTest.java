package eu.creditbridge.recognition.application.review;

import static eu.creditbridge.recognition.Fixtures.ANNA;
import static eu.creditbridge.recognition.Fixtures.LODZ;
import static eu.creditbridge.recognition.Fixtures.credential;
import static eu.creditbridge.recognition.ReviewFixtures.JOANNA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.recognition.ReviewFixtures;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.Decision;
import eu.creditbridge.recognition.domain.DecisionReason;
import eu.creditbridge.recognition.domain.Outcome;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.domain.SignatureVerdict;
import eu.creditbridge.recognition.domain.review.AuditEntry;
import eu.creditbridge.recognition.domain.review.RegistrarAction.Approve;
import eu.creditbridge.recognition.domain.review.ReviewVerdict;
import eu.creditbridge.recognition.store.InProcessMongo;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A decision whose signature is not VALID: flagged in the queue, never approved in bulk, approved only explicitly. */
class SignatureFlagTest {

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

    /** As the policies decide an unsigned credential: to a registrar, with the verdict in the trace. */
    private RecognitionDecision unsigned(Credential credential) {
        Decision decision = new Decision(Outcome.NEEDS_REVIEW, EctsCredits.ZERO, Optional.empty(), ReviewFixtures.needsReview(credential).grade(),
                List.of(DecisionReason.considered("issuer-registered", "The issuing institution eur.nl is listed in the alliance registry."),
                        DecisionReason.decisive("signature", "Signature UNSIGNED: The credential carries no signature. A credential whose"
                                + " signature does not verify is never recognised automatically; a registrar decides.")),
                Optional.of(3));
        RecognitionDecision stored = RecognitionDecision.byRules(credential, decision, ReviewFixtures.DECIDED_AT);
        review.decisions.insertOrLoad(stored, credential);
        return stored;
    }

    @Test
    void theQueueFlagsADecisionWhoseSignatureIsNotValid() {
        RecognitionDecision flagged = unsigned(credential().build());
        RecognitionDecision signed = review.awaiting(credential().build());

        List<DecisionSummary> rows = review.queue.browse(eu.creditbridge.recognition.application.review.ReviewQueueQuery.of(LODZ)).items();

        assertThat(rows).extracting(row -> row.id(), DecisionSummary::signatureFlagged, row -> row.signature().status())
                .containsExactlyInAnyOrder(tuple(flagged.id(), true, SignatureVerdict.Status.UNSIGNED),
                        tuple(signed.id(), false, SignatureVerdict.Status.VALID));
    }

    @Test
    void approveSelectedAsSuggestedLeavesFlaggedDecisionsOutAndSaysWhy() {
        RecognitionDecision flagged = unsigned(credential().build());
        RecognitionDecision signed = review.awaiting(credential().build());

        ApprovingDecisionsInBulk.BulkApproval result = review.bulk.approve(LODZ, List.of(flagged.id().credentialId(), signed.id().credentialId()),
                JOANNA, Optional.of("as agreed"));

        assertThat(result.items()).extracting(ApprovingDecisionsInBulk.Item::credentialId, ApprovingDecisionsInBulk.Item::status)
                .containsExactly(tuple(flagged.id().credentialId(), ApprovingDecisionsInBulk.Status.SIGNATURE_NOT_VALID),
                        tuple(signed.id().credentialId(), ApprovingDecisionsInBulk.Status.APPROVED));
        assertThat(result.items().get(0).explanation()).hasValueSatisfying(why -> assertThat(why).contains("UNSIGNED").contains("signatureOverride"));
        assertThat(review.reviews.find(flagged.id()).orElseThrow().decision()).isEqualTo(flagged);
        assertThat(review.total(LODZ, ANNA)).isEqualTo(EctsCredits.of("5"));
    }

    @Test
    void approvingItAloneWithoutTheOverrideOrWithoutAReasonIsRefusedAndChangesNothing() {
        RecognitionDecision flagged = unsigned(credential().build());

        ReviewResult plain = review.reviewing.approve(flagged.id(), JOANNA, Approve.AS_SUGGESTED, Optional.empty());
        ReviewResult noReason = review.reviewing.approve(flagged.id(), JOANNA,
                new Approve(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), true), Optional.empty());

        assertThat(plain).isInstanceOfSatisfying(ReviewResult.NotAllowed.class, refused -> {
            assertThat(refused.refusal()).isEqualTo(ReviewVerdict.Refusal.SIGNATURE_NOT_VALID);
            assertThat(refused.field()).isEmpty();
        });
        assertThat(noReason).isInstanceOfSatisfying(ReviewResult.NotAllowed.class, refused -> assertThat(refused.field()).contains("reason"));
        assertThat(review.reviews.find(flagged.id()).orElseThrow().decision()).isEqualTo(flagged);
        assertThat(review.publisher.published).isEmpty();
    }

    @Test
    void theExplicitOverrideWithAReasonApprovesItAndTheAuditTrailSaysSo() {
        RecognitionDecision flagged = unsigned(credential().build());

        ReviewResult result = review.reviewing.approve(flagged.id(), JOANNA, new Approve(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("Confirmed with Rotterdam's registrar by phone"), true), Optional.empty());

        assertThat(result).isInstanceOf(ReviewResult.Revised.class);
        var now = review.reviews.find(flagged.id()).orElseThrow();
        assertThat(now.decision().outcome()).isEqualTo(Outcome.RECOGNISED);
        AuditEntry entry = now.audit().get(0);
        assertThat(entry.changes()).anySatisfy(change -> {
            assertThat(change.field()).isEqualTo("signatureOverride");
            assertThat(change.after()).contains("acknowledged UNSIGNED");
        });
        assertThat(entry.why()).contains("Confirmed with Rotterdam's registrar by phone");
        assertThat(now.decision().decision().reasons().get(now.decision().decision().reasons().size() - 1).explanation())
                .contains("despite the signature being UNSIGNED");
        assertThat(review.total(LODZ, ANNA)).isEqualTo(EctsCredits.of("5"));
    }
}
