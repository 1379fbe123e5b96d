package eu.creditbridge.recognition.application.review;

import static eu.creditbridge.recognition.Fixtures.ANNA;
import static eu.creditbridge.recognition.Fixtures.LODZ;
import static eu.creditbridge.recognition.Fixtures.ROTTERDAM;
import static eu.creditbridge.recognition.Fixtures.credential;
import static eu.creditbridge.recognition.ReviewFixtures.JOANNA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import eu.creditbridge.kernel.DecisionId;
import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.recognition.application.review.ReviewStore.ReviewedDecision;
import eu.creditbridge.recognition.domain.ComponentStatus;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.DecidedBy;
import eu.creditbridge.recognition.domain.Decision;
import eu.creditbridge.recognition.domain.DecisionReason;
import eu.creditbridge.recognition.domain.GradeConversion;
import eu.creditbridge.recognition.domain.Outcome;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.domain.RecognitionTarget;
import eu.creditbridge.recognition.domain.Revocation;
import eu.creditbridge.recognition.domain.review.ActionKind;
import eu.creditbridge.recognition.domain.review.Registrar;
import eu.creditbridge.recognition.domain.review.RegistrarAction.Approve;
import eu.creditbridge.recognition.domain.review.RegistrarAction.AskQuestion;
import eu.creditbridge.recognition.domain.review.RegistrarAction.Reject;
import eu.creditbridge.recognition.domain.review.ReviewCase;
import eu.creditbridge.recognition.domain.review.ReviewPolicy;
import eu.creditbridge.recognition.domain.review.ReviewStatus;
import eu.creditbridge.recognition.domain.review.ReviewVerdict;
import eu.creditbridge.recognition.domain.review.ReviewVerdict.Refusal;
import eu.creditbridge.recognition.store.InProcessMongo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Registrar actions end to end behind the REST layer, on the wire-protocol MongoDB server. */
class ReviewingDecisionTest {

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

    private ReviewResult.Revised revised(ReviewResult result) {
        assertThat(result).isInstanceOf(ReviewResult.Revised.class);
        return (ReviewResult.Revised) result;
    }

    private EctsCredits annasTotal() {
        return review.total(LODZ, ANNA);
    }

    @Test
    void approvingCountsTheCreditsOncePublishesRevisionTwoByTheRegistrarAndKeepsTheAuditEntry() {
        RecognitionDecision awaiting = review.awaiting(credential().build());

        ReviewResult.Revised approved = revised(review.reviewing.approve(awaiting.id(), JOANNA, Approve.AS_SUGGESTED, Optional.of(1)));

        assertThat(approved.decision().outcome()).isEqualTo(Outcome.RECOGNISED);
        assertThat(approved.decision().revision()).isEqualTo(2);
        assertThat(approved.decision().status()).isEqualTo(ReviewStatus.DECIDED);
        assertThat(approved.entry().action()).isEqualTo(ActionKind.APPROVED);
        assertThat(annasTotal()).isEqualTo(EctsCredits.of("5"));
        assertThat(review.records.find(LODZ, ANNA).orElseThrow().totals().perLocalCourse()).containsEntry("INF-2041", EctsCredits.of("5"));
        assertThat(review.publisher.published).extracting(RecognitionDecision::revision, RecognitionDecision::outcome, RecognitionDecision::decidedBy)
                .containsExactly(tuple(2, Outcome.RECOGNISED, DecidedBy.REGISTRAR));
        assertThat(review.publisher.published.get(0).registrar()).contains("registrar@uni.lodz.pl");
        ReviewedDecision stored = review.reviews.find(awaiting.id()).orElseThrow();
        assertThat(stored.stored().pending()).isFalse();
        assertThat(stored.followUpPending()).isFalse();
        assertThat(stored.audit()).singleElement().satisfies(entry -> {
            assertThat(entry.revision()).isEqualTo(2);
            assertThat(entry.registrar()).isEqualTo(JOANNA);
        });
        assertThat(review.revisionsCounted).containsExactly("RECOGNISED REGISTRAR registrar");
    }

    @Test
    void aSecondApprovalOfTheSameDecisionIsRefusedAndChangesNothing() {
        RecognitionDecision awaiting = review.awaiting(credential().build());
        review.reviewing.approve(awaiting.id(), JOANNA, Approve.AS_SUGGESTED, Optional.empty());

        ReviewResult again = review.reviewing.approve(awaiting.id(), Registrar.of("second@uni.lodz.pl"), Approve.AS_SUGGESTED, Optional.empty());

        assertThat(again).isInstanceOfSatisfying(ReviewResult.NotAllowed.class,
                refused -> assertThat(refused.refusal()).isEqualTo(Refusal.NOT_AWAITING_REGISTRAR));
        assertThat(annasTotal()).isEqualTo(EctsCredits.of("5"));
        assertThat(review.publisher.published).hasSize(1);
        assertThat(review.reviews.find(awaiting.id()).orElseThrow().audit()).hasSize(1);
        assertThat(review.revisionsCounted).hasSize(1);
    }

    @Test
    void rejectingPublishesTheRejectionWithItsReasonAndCountsNothing() {
        RecognitionDecision awaiting = review.awaiting(credential().build());

        ReviewResult.Revised rejected = revised(review.reviewing.reject(awaiting.id(), JOANNA,
                new Reject("The learning outcomes match no course of our programme."), Optional.empty()));

        assertThat(rejected.decision().outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(annasTotal()).isEqualTo(EctsCredits.ZERO);
        RecognitionDecision published = review.publisher.published.get(0);
        assertThat(published.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(published.decision().decisiveReason()).isPresent();
        assertThat(published.decision().reasons().get(published.decision().reasons().size() - 1).explanation())
                .contains("The learning outcomes match no course of our programme.");
    }

    @Test
    void askingKeepsTheDecisionInTheQueueMarkedAskedUntilARegistrarApprovesIt() {
        RecognitionDecision awaiting = review.awaiting(credential().build());

        ReviewResult.Revised asked = revised(review.reviewing.ask(awaiting.id(), JOANNA, new AskQuestion("Please send the syllabus."),
                Optional.of(1)));

        assertThat(asked.decision().status()).isEqualTo(ReviewStatus.ASKED);
        assertThat(asked.decision().openQuestion().orElseThrow().question()).isEqualTo("Please send the syllabus.");
        assertThat(review.publisher.published).extracting(RecognitionDecision::revision, RecognitionDecision::outcome)
                .containsExactly(tuple(2, Outcome.NEEDS_REVIEW));
        assertThat(review.queue.browse(ReviewQueueQuery.of(LODZ)).items()).extracting(DecisionSummary::id).containsExactly(awaiting.id());

        ReviewResult.Revised approved = revised(review.reviewing.approve(awaiting.id(), JOANNA, Approve.AS_SUGGESTED, Optional.of(2)));

        assertThat(approved.decision().revision()).isEqualTo(3);
        assertThat(approved.decision().openQuestion()).isEmpty();
        assertThat(review.reviews.find(awaiting.id()).orElseThrow().audit()).extracting(entry -> entry.action())
                .containsExactly(ActionKind.ASKED, ActionKind.APPROVED);
        assertThat(annasTotal()).isEqualTo(EctsCredits.of("5"));
    }

    @Test
    void actingOnARevisionThatIsNoLongerCurrentIsAConflictAndWritesNothing() {
        RecognitionDecision awaiting = review.awaiting(credential().build());
        review.reviewing.ask(awaiting.id(), JOANNA, new AskQuestion("Syllabus?"), Optional.of(1));

        ReviewResult stale = review.reviewing.approve(awaiting.id(), Registrar.of("second@uni.lodz.pl"), Approve.AS_SUGGESTED, Optional.of(1));

        assertThat(stale).isEqualTo(new ReviewResult.Conflict(awaiting.id(), 1, 2));
        assertThat(annasTotal()).isEqualTo(EctsCredits.ZERO);
        assertThat(review.reviews.find(awaiting.id()).orElseThrow().decision().revision()).isEqualTo(2);
    }

    @Test
    void aWriteBasedOnARevisionThatChangedAfterItWasReadMatchesNothing() {
        RecognitionDecision awaiting = review.awaiting(credential().build());
        ReviewVerdict.Revised basedOnRevisionOne = (ReviewVerdict.Revised) new ReviewPolicy().review(
                new ReviewCase(awaiting, Optional.empty(), false, Optional.empty(), Optional.of("pl-2-5")),
                new Reject("Too late."), JOANNA, review.clock.instant());
        review.reviewing.ask(awaiting.id(), JOANNA, new AskQuestion("Syllabus?"), Optional.empty());

        assertThat(review.reviews.revise(awaiting, basedOnRevisionOne)).isEmpty();
        assertThat(review.reviews.find(awaiting.id()).orElseThrow().status()).isEqualTo(ReviewStatus.ASKED);
    }

    @Test
    void ofManyRegistrarsApprovingTheSameDecisionAtOnceExactlyOneWinsAndTheCreditsCountOnce() throws Exception {
        RecognitionDecision awaiting = review.awaiting(credential().build());
        int registrars = 6;
        ExecutorService pool = Executors.newFixedThreadPool(registrars);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<ReviewResult>> results = new ArrayList<>();
            for (int i = 0; i < registrars; i++) {
                Registrar registrar = Registrar.of("registrar-" + i + "@uni.lodz.pl");
                Callable<ReviewResult> approve = () -> {
                    start.await();
                    return review.reviewing.approve(awaiting.id(), registrar, Approve.AS_SUGGESTED, Optional.empty());
                };
                results.add(pool.submit(approve));
            }
            start.countDown();
            List<ReviewResult> outcomes = new ArrayList<>();
            for (Future<ReviewResult> result : results) {
                outcomes.add(result.get());
            }
            assertThat(outcomes).filteredOn(ReviewResult.Revised.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(result -> !(result instanceof ReviewResult.Revised))
                    .allSatisfy(result -> assertThat(result).isInstanceOfAny(ReviewResult.Conflict.class, ReviewResult.NotAllowed.class));
        } finally {
            pool.shutdownNow();
        }
        assertThat(annasTotal()).isEqualTo(EctsCredits.of("5"));
        assertThat(review.reviews.find(awaiting.id()).orElseThrow().audit()).hasSize(1);
        assertThat(review.publisher.published).hasSize(1);
    }

    @Test
    void aDecisionIsFoundOnlyUnderItsOwnInstitution() {
        RecognitionDecision awaiting = review.awaiting(credential().build());
        DecisionId underRotterdam = new DecisionId(awaiting.id().credentialId(), ROTTERDAM);

        assertThat(review.reviewing.approve(underRotterdam, JOANNA, Approve.AS_SUGGESTED, Optional.empty()))
                .isEqualTo(new ReviewResult.NotFound(underRotterdam));
        assertThat(review.reviewing.reject(new DecisionId(UUID.randomUUID(), LODZ), JOANNA, new Reject("No."), Optional.empty()))
                .isInstanceOf(ReviewResult.NotFound.class);
    }

    @Test
    void aCredentialRevokedWhileAwaitingARegistrarCannotBeApproved() {
        Credential credential = credential().build();
        RecognitionDecision awaiting = review.awaiting(credential);
        // Recorded, not yet applied to the decision: the moment between the two steps of a revocation.
        review.revocations.record(new Revocation(credential.credentialId(), ROTTERDAM, ANNA, LODZ, Instant.parse("2025-03-01T09:00:00Z"),
                "issued to the wrong learner"));

        ReviewResult result = review.reviewing.approve(awaiting.id(), JOANNA, Approve.AS_SUGGESTED, Optional.empty());

        assertThat(result).isInstanceOfSatisfying(ReviewResult.NotAllowed.class, refused -> {
            assertThat(refused.refusal()).isEqualTo(Refusal.REVOKED);
            assertThat(refused.field()).isEmpty();
        });
        assertThat(annasTotal()).isEqualTo(EctsCredits.ZERO);
    }

    @Test
    void aRevocationAfterTheApprovalWithdrawsTheApprovedCredits() {
        Credential credential = credential().build();
        RecognitionDecision awaiting = review.awaiting(credential);
        review.reviewing.approve(awaiting.id(), JOANNA, Approve.AS_SUGGESTED, Optional.empty());

        review.reversing.reverse(new Revocation(credential.credentialId(), ROTTERDAM, ANNA, LODZ, Instant.parse("2025-03-04T09:00:00Z"),
                "issued in error"));

        assertThat(annasTotal()).isEqualTo(EctsCredits.ZERO);
        assertThat(review.publisher.published).extracting(RecognitionDecision::revision, RecognitionDecision::outcome)
                .containsExactly(tuple(2, Outcome.RECOGNISED), tuple(3, Outcome.WITHDRAWN));
    }

    @Test
    void aCrashAfterTheDecisionWasWrittenIsCompletedByTheRelayOnceAndOnlyOnce() {
        RecognitionDecision awaiting = review.awaiting(credential().build());
        ReviewVerdict.Revised approval = (ReviewVerdict.Revised) new ReviewPolicy().review(
                new ReviewCase(awaiting, Optional.empty(), false, Optional.empty(), Optional.of("pl-2-5")),
                new Approve(Optional.of(RecognitionTarget.creditCategory("alliance-electives")), Optional.of(EctsCredits.of("3")),
                        Optional.empty(), Optional.empty()), JOANNA, review.clock.instant());
        // The write of an approval, and then the process died: no learner record, nothing published.
        review.reviews.revise(awaiting, approval).orElseThrow();
        assertThat(annasTotal()).isEqualTo(EctsCredits.ZERO);

        assertThat(review.completing.relay(Duration.ofSeconds(10), 100)).isZero(); // too young: it may be completing inline
        review.clock.advance(Duration.ofSeconds(11));
        assertThat(review.completing.relay(Duration.ofSeconds(10), 100)).isEqualTo(1);
        assertThat(review.completing.relay(Duration.ofSeconds(10), 100)).isZero();

        assertThat(annasTotal()).isEqualTo(EctsCredits.of("3"));
        assertThat(review.records.find(LODZ, ANNA).orElseThrow().totals().perCategory()).containsEntry("alliance-electives", EctsCredits.of("3"));
        assertThat(review.publisher.published).extracting(RecognitionDecision::revision, RecognitionDecision::outcome)
                .containsExactly(tuple(2, Outcome.PARTIALLY_RECOGNISED));
        assertThat(review.reviews.find(awaiting.id()).orElseThrow().followUpPending()).isFalse();
    }

    @Test
    void aBrokerOutageDoesNotFailTheActionAndTheOutboxRelayPublishesItLater() {
        RecognitionDecision awaiting = review.awaiting(credential().build());
        review.publisher.failing = true;

        ReviewResult.Revised approved = revised(review.reviewing.approve(awaiting.id(), JOANNA, Approve.AS_SUGGESTED, Optional.empty()));

        assertThat(approved.decision().outcome()).isEqualTo(Outcome.RECOGNISED);
        assertThat(annasTotal()).isEqualTo(EctsCredits.of("5"));
        assertThat(review.decisions.find(awaiting.id()).orElseThrow().pending()).isTrue();

        review.publisher.failing = false;
        review.clock.advance(Duration.ofSeconds(11));
        eu.creditbridge.recognition.application.DecisionRelays.relay(review.decisions, review.publisher, review.clock, Duration.ofSeconds(10), 100)
                .relayPending();

        assertThat(review.publisher.published).extracting(RecognitionDecision::revision).containsExactly(2);
        assertThat(review.decisions.find(awaiting.id()).orElseThrow().pending()).isFalse();
    }

    @Test
    void rejectingADecisionWhoseCreditsWereCountedTakesThemOutOfTheRecordOnce() {
        Credential credential = credential().build();
        RecognitionDecision awaiting = review.awaiting(credential);
        // As if an earlier revision had counted it (a record written by an older version of the pipeline).
        review.records.recognise(new RecognitionDecision(awaiting.id(), 1, ANNA, ROTTERDAM, credential.title(), credential.credits(),
                new Decision(Outcome.RECOGNISED, EctsCredits.of("5"), Optional.of(RecognitionTarget.creditCategory("alliance-electives")),
                        GradeConversion.NO_GRADE, List.of(DecisionReason.decisive("alliance-electives", "Matched.")), Optional.of(3)),
                DecidedBy.RULES, Optional.empty(), awaiting.decidedAt()));
        assertThat(annasTotal()).isEqualTo(EctsCredits.of("5"));

        review.reviewing.reject(awaiting.id(), JOANNA, new Reject("Not equivalent after all."), Optional.empty());
        review.completing.complete(review.reviews.find(awaiting.id()).orElseThrow());

        assertThat(annasTotal()).isEqualTo(EctsCredits.ZERO);
        assertThat(review.records.find(LODZ, ANNA).orElseThrow().component(credential.credentialId()).orElseThrow().status())
                .isEqualTo(ComponentStatus.WITHDRAWN);
    }

    @Test
    void bulkApprovalAnswersPerCredentialAndNeverHalfAppliesOne() {
        RecognitionDecision first = review.awaiting(credential().build());
        RecognitionDecision second = review.awaiting(credential().courseCode("FEB99999").title("Blockchain Economics").credits("2.5").build());
        RecognitionDecision asked = review.awaiting(credential().build());
        review.reviewing.ask(asked.id(), JOANNA, new AskQuestion("Syllabus?"), Optional.empty());
        RecognitionDecision settled = review.awaiting(credential().build());
        review.reviewing.reject(settled.id(), JOANNA, new Reject("No."), Optional.empty());
        UUID unknown = UUID.randomUUID();

        ApprovingDecisionsInBulk.BulkApproval result = review.bulk.approve(LODZ, List.of(first.id().credentialId(),
                second.id().credentialId(), asked.id().credentialId(), settled.id().credentialId(), unknown, first.id().credentialId()),
                JOANNA, Optional.of("Checked against the UNIC catalogue."));

        assertThat(result.items()).extracting(ApprovingDecisionsInBulk.Item::credentialId, ApprovingDecisionsInBulk.Item::status)
                .containsExactly(
                        tuple(first.id().credentialId(), ApprovingDecisionsInBulk.Status.APPROVED),
                        tuple(second.id().credentialId(), ApprovingDecisionsInBulk.Status.APPROVED),
                        tuple(asked.id().credentialId(), ApprovingDecisionsInBulk.Status.APPROVED),
                        tuple(settled.id().credentialId(), ApprovingDecisionsInBulk.Status.NOT_ALLOWED),
                        tuple(unknown, ApprovingDecisionsInBulk.Status.NOT_FOUND));
        assertThat(result.counts()).containsEntry(ApprovingDecisionsInBulk.Status.APPROVED, 3L)
                .containsEntry(ApprovingDecisionsInBulk.Status.CONFLICT, 0L);
        assertThat(annasTotal()).isEqualTo(EctsCredits.of("12.5"));
        assertThat(review.records.find(LODZ, ANNA).orElseThrow().totals().perCategory()).containsEntry("alliance-electives", EctsCredits.of("2.5"));
        assertThat(review.reviews.find(second.id()).orElseThrow().audit()).singleElement()
                .satisfies(entry -> assertThat(entry.why()).contains("Checked against the UNIC catalogue."));
    }

    @Test
    void bulkApprovalWithoutASuggestionForADecisionLeavesThatOneUntouched() {
        review.registry.rulesetPublished(new eu.creditbridge.recognition.domain.Ruleset(LODZ, 4, List.of(), Optional.empty()));
        RecognitionDecision nothingSuggested = review.awaiting(credential().courseCode("FEB99999").build());

        ApprovingDecisionsInBulk.BulkApproval result = review.bulk.approve(LODZ, List.of(nothingSuggested.id().credentialId()), JOANNA,
                Optional.empty());

        assertThat(result.items()).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(ApprovingDecisionsInBulk.Status.NOT_ALLOWED);
            assertThat(item.explanation().orElseThrow()).contains("name the local course or the credit category");
        });
        assertThat(review.reviews.find(nothingSuggested.id()).orElseThrow().decision().revision()).isEqualTo(1);
    }

    @Test
    void bulkApprovalNeedsAtLeastOneAndAtMostAScreenfulOfCredentials() {
        assertThatThrownBy(() -> review.bulk.approve(LODZ, List.of(), JOANNA, Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        List<UUID> tooMany = new ArrayList<>();
        for (int i = 0; i <= ApprovingDecisionsInBulk.MAXIMUM; i++) {
            tooMany.add(UUID.randomUUID());
        }
        assertThatThrownBy(() -> review.bulk.approve(LODZ, tooMany, JOANNA, Optional.empty())).hasMessageContaining("at most 200");
    }
}
