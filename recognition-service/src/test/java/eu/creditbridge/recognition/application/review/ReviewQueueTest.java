package eu.creditbridge.recognition.application.review;

import static eu.creditbridge.recognition.Fixtures.ANNA;
import static eu.creditbridge.recognition.Fixtures.LODZ;
import static eu.creditbridge.recognition.Fixtures.OUTSIDER;
import static eu.creditbridge.recognition.Fixtures.ROTTERDAM;
import static eu.creditbridge.recognition.Fixtures.credential;
import static eu.creditbridge.recognition.ReviewFixtures.JOANNA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.creditbridge.kernel.DecisionId;
import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.MicroCredentialElements;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.domain.RecognitionTarget;
import eu.creditbridge.recognition.domain.Revocation;
import eu.creditbridge.recognition.domain.SignatureVerdict;
import eu.creditbridge.recognition.domain.review.ActionKind;
import eu.creditbridge.recognition.domain.review.RegistrarAction.Approve;
import eu.creditbridge.recognition.domain.review.RegistrarAction.AskQuestion;
import eu.creditbridge.recognition.domain.review.RegistrarAction.Reject;
import eu.creditbridge.recognition.domain.review.ReviewStatus;
import eu.creditbridge.recognition.store.InProcessMongo;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The queue, the decision page, a learner's history and search, on the wire-protocol MongoDB server. */
class ReviewQueueTest {

    private static final EuropeanStudentIdentifier MAREK = EuropeanStudentIdentifier.of("urn:schac:personalUniqueCode:int:esi:pl:778899");
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

    private RecognitionDecision awaitingAt(String decidedAt, Credential credential) {
        return review.awaiting(credential, Instant.parse(decidedAt));
    }

    private ReviewQueueQuery query(QueueSelection selection, ReviewQueueQuery.Order order, int page, int size) {
        return new ReviewQueueQuery(LODZ, Optional.empty(), Optional.empty(), selection, Optional.empty(), Optional.empty(), order, page, size);
    }

    @Test
    void theQueueListsWhatAwaitsARegistrarNewestFirstWithCountsAtAGlance() {
        RecognitionDecision older = awaitingAt("2025-02-01T10:00:00Z", credential().build());
        RecognitionDecision newer = awaitingAt("2025-02-20T10:00:00Z", credential().issuedBy(OUTSIDER).build());
        RecognitionDecision asked = awaitingAt("2025-02-10T10:00:00Z", credential().build());
        review.reviewing.ask(asked.id(), JOANNA, new AskQuestion("Syllabus?"), Optional.empty()); // now the newest revision
        RecognitionDecision approved = awaitingAt("2025-02-05T10:00:00Z", credential().build());
        review.reviewing.approve(approved.id(), JOANNA, Approve.AS_SUGGESTED, Optional.empty());
        awaitingAt("2025-02-05T10:00:00Z", credential().home(ROTTERDAM).build()); // another institution's

        ReviewQueuePage page = review.queue.browse(ReviewQueueQuery.of(LODZ));

        assertThat(page.items()).extracting(DecisionSummary::id).containsExactly(asked.id(), newer.id(), older.id());
        assertThat(page.items()).extracting(DecisionSummary::status)
                .containsExactly(ReviewStatus.ASKED, ReviewStatus.AWAITING_REGISTRAR, ReviewStatus.AWAITING_REGISTRAR);
        assertThat(page.counts().total()).isEqualTo(3);
        assertThat(page.counts().byOutcome()).containsEntry("NEEDS_REVIEW", 3L).containsEntry("ASKED", 1L).containsEntry("RECOGNISED", 1L);
        assertThat(page.counts().byPartner()).containsEntry("eur.nl", 2L).containsEntry("uni-outside.example.org", 1L).hasSize(2);
        assertThat(page.totalPages()).isEqualTo(1);
        DecisionSummary first = page.items().get(2);
        assertThat(first.partnerName()).contains("Erasmus University Rotterdam");
        assertThat(first.suggestion().orElseThrow().target().code()).isEqualTo("INF-2041");
        assertThat(first.decisiveReason().orElseThrow()).contains("a registrar decides");
    }

    @Test
    void oldestFirstAndPagesOfAGivenSize() {
        RecognitionDecision a = awaitingAt("2025-02-01T10:00:00Z", credential().build());
        RecognitionDecision b = awaitingAt("2025-02-02T10:00:00Z", credential().build());
        RecognitionDecision c = awaitingAt("2025-02-03T10:00:00Z", credential().build());

        ReviewQueuePage first = review.queue.browse(query(QueueSelection.NEEDS_REVIEW, ReviewQueueQuery.Order.OLDEST, 0, 2));
        ReviewQueuePage second = review.queue.browse(query(QueueSelection.NEEDS_REVIEW, ReviewQueueQuery.Order.OLDEST, 1, 2));

        assertThat(first.items()).extracting(DecisionSummary::id).containsExactly(a.id(), b.id());
        assertThat(second.items()).extracting(DecisionSummary::id).containsExactly(c.id());
        assertThat(first.totalPages()).isEqualTo(2);
        assertThat(second.counts().total()).isEqualTo(3);
    }

    @Test
    void selectionsPickAskedNotYetAskedDecidedOrEverything() {
        RecognitionDecision waiting = awaitingAt("2025-02-01T10:00:00Z", credential().build());
        RecognitionDecision asked = awaitingAt("2025-02-02T10:00:00Z", credential().build());
        review.reviewing.ask(asked.id(), JOANNA, new AskQuestion("Syllabus?"), Optional.empty());
        RecognitionDecision rejected = awaitingAt("2025-02-03T10:00:00Z", credential().build());
        review.reviewing.reject(rejected.id(), JOANNA, new Reject("No match."), Optional.empty());

        assertThat(ids(QueueSelection.ASKED)).containsExactly(asked.id());
        assertThat(ids(QueueSelection.AWAITING_REGISTRAR)).containsExactly(waiting.id());
        assertThat(ids(QueueSelection.REJECTED)).containsExactly(rejected.id());
        assertThat(ids(QueueSelection.ALL)).containsExactlyInAnyOrder(waiting.id(), asked.id(), rejected.id());
        assertThat(QueueSelection.parse(" asked ")).isEqualTo(QueueSelection.ASKED);
    }

    private java.util.List<DecisionId> ids(QueueSelection selection) {
        return review.queue.browse(query(selection, ReviewQueueQuery.Order.NEWEST, 0, 20)).items().stream().map(DecisionSummary::id).toList();
    }

    @Test
    void filtersByPartnerAllianceCategoryAndAge() {
        Credential dataScience = credential().build().withElements(new MicroCredentialElements(Optional.of("WRITTEN_EXAM"), Optional.empty(),
                Optional.of("EXTERNAL_EQAR_AGENCY"), Optional.of("ON_SITE"), Optional.of("0613")));
        RecognitionDecision rotterdam = awaitingAt("2025-02-01T10:00:00Z", dataScience);
        RecognitionDecision outsider = awaitingAt("2025-03-02T10:00:00Z", credential().issuedBy(OUTSIDER).build());

        assertThat(filtered(Optional.of(ROTTERDAM), Optional.empty(), Optional.empty(), Optional.empty())).containsExactly(rotterdam.id());
        assertThat(filtered(Optional.empty(), Optional.of("unic"), Optional.empty(), Optional.empty())).containsExactly(rotterdam.id());
        assertThat(filtered(Optional.empty(), Optional.of("UNIC"), Optional.empty(), Optional.empty())).containsExactly(rotterdam.id());
        assertThat(filtered(Optional.of(OUTSIDER), Optional.of("unic"), Optional.empty(), Optional.empty())).isEmpty();
        assertThat(filtered(Optional.empty(), Optional.of("no-such-alliance"), Optional.empty(), Optional.empty())).isEmpty();
        assertThat(filtered(Optional.empty(), Optional.empty(), Optional.of("0613"), Optional.empty())).containsExactly(rotterdam.id());
        // The clock says 2025-03-03T09:00Z: only the February decision is a week old.
        assertThat(filtered(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(7))).containsExactly(rotterdam.id());
        assertThat(filtered(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(0)))
                .containsExactlyInAnyOrder(rotterdam.id(), outsider.id());
    }

    @Test
    void aCategoryAlsoFindsWhatWasRecognisedInIt() {
        RecognitionDecision electives = awaitingAt("2025-02-01T10:00:00Z", credential().build());
        review.reviewing.approve(electives.id(), JOANNA, new Approve(Optional.of(RecognitionTarget.creditCategory("alliance-electives")),
                Optional.empty(), Optional.empty(), Optional.empty()), Optional.empty());

        ReviewQueuePage page = review.queue.browse(new ReviewQueueQuery(LODZ, Optional.empty(), Optional.empty(), QueueSelection.ALL,
                Optional.of("alliance-electives"), Optional.empty(), ReviewQueueQuery.Order.NEWEST, 0, 20));

        assertThat(page.items()).extracting(DecisionSummary::id).containsExactly(electives.id());
    }

    private java.util.List<DecisionId> filtered(Optional<eu.creditbridge.kernel.SchacCode> partner, Optional<String> alliance,
                                                Optional<String> category, Optional<Integer> olderThanDays) {
        return review.queue.browse(new ReviewQueueQuery(LODZ, partner, alliance, QueueSelection.NEEDS_REVIEW, category, olderThanDays,
                ReviewQueueQuery.Order.NEWEST, 0, 20)).items().stream().map(DecisionSummary::id).toList();
    }

    @Test
    void anEmptyQueueHasOnePageAndZeroCounts() {
        ReviewQueuePage page = review.queue.browse(ReviewQueueQuery.of(LODZ));

        assertThat(page.items()).isEmpty();
        assertThat(page.counts().total()).isZero();
        assertThat(page.counts().byOutcome()).isEmpty();
        assertThat(page.totalPages()).isEqualTo(1);
    }

    @Test
    void theDecisionPageShowsCredentialSignatureTraceSuggestionLearnerRecordAndAuditTrail() {
        Credential credential = credential().build().withElements(new MicroCredentialElements(Optional.of("WRITTEN_EXAM"),
                Optional.of("SUPERVISED_ON_SITE_WITH_IDENTITY_CHECK"), Optional.of("EXTERNAL_EQAR_AGENCY"), Optional.of("ON_SITE"), Optional.of("0613")));
        RecognitionDecision awaiting = review.awaiting(credential);
        RecognitionDecision earlier = review.awaiting(credential().build());
        review.reviewing.approve(earlier.id(), JOANNA, Approve.AS_SUGGESTED, Optional.empty());
        review.reviewing.ask(awaiting.id(), JOANNA, new AskQuestion("Was the exam supervised?"), Optional.empty());

        DecisionView view = review.viewing.view(awaiting.id()).orElseThrow();

        assertThat(view.credential().orElseThrow().elements().identityVerification()).contains("SUPERVISED_ON_SITE_WITH_IDENTITY_CHECK");
        assertThat(view.credential().orElseThrow().eqfLevel()).contains(6);
        assertThat(view.signature().status()).isEqualTo(SignatureVerdict.Status.VALID);
        assertThat(view.decision().decision().reasons()).extracting(reason -> reason.step())
                .contains("signature", "registrar-review", "registrar-question");
        assertThat(view.summary().suggestion().orElseThrow().credits()).isEqualTo(EctsCredits.of("5"));
        assertThat(view.summary().grade().converted().orElseThrow().value()).isEqualTo("4.5");
        assertThat(view.summary().status()).isEqualTo(ReviewStatus.ASKED);
        assertThat(view.learnerRecord().orElseThrow().totals().total()).isEqualTo(EctsCredits.of("5"));
        assertThat(view.audit()).singleElement().satisfies(entry -> assertThat(entry.action()).isEqualTo(ActionKind.ASKED));
        assertThat(view.partner().orElseThrow().name()).isEqualTo("Erasmus University Rotterdam");
        assertThat(view.allowedActions()).containsExactlyInAnyOrder(ActionKind.APPROVED, ActionKind.REJECTED, ActionKind.ASKED);
        assertThat(view.published()).isTrue();
        assertThat(review.viewing.audit(awaiting.id()).orElseThrow()).hasSize(1);
        assertThat(review.viewing.view(new DecisionId(awaiting.id().credentialId(), ROTTERDAM))).isEmpty();
    }

    @Test
    void aRevokedCredentialsPageOffersNoApprovalAndASettledOneNoActionAtAll() {
        Credential credential = credential().build();
        RecognitionDecision awaiting = review.awaiting(credential);
        review.revocations.record(new Revocation(credential.credentialId(), ROTTERDAM, ANNA, LODZ, Instant.parse("2025-03-01T09:00:00Z"),
                "issued in error"));
        RecognitionDecision settled = review.awaiting(credential().build());
        review.reviewing.reject(settled.id(), JOANNA, new Reject("No."), Optional.empty());

        DecisionView revoked = review.viewing.view(awaiting.id()).orElseThrow();

        assertThat(revoked.revoked()).isTrue();
        assertThat(revoked.allowedActions()).containsExactlyInAnyOrder(ActionKind.REJECTED, ActionKind.ASKED);
        assertThat(review.viewing.view(settled.id()).orElseThrow().allowedActions()).isEmpty();
        assertThat(review.viewing.view(settled.id()).orElseThrow().summary().suggestion()).isEmpty();
    }

    @Test
    void aLearnersPageHasTheRecordAndEveryDecisionNewestFirst() {
        RecognitionDecision first = awaitingAt("2025-02-01T10:00:00Z", credential().build());
        RecognitionDecision second = awaitingAt("2025-02-02T10:00:00Z", credential().title("Sustainable Cities").courseCode(null).build());
        review.reviewing.approve(first.id(), JOANNA, Approve.AS_SUGGESTED, Optional.empty());
        awaitingAt("2025-02-03T10:00:00Z", credential().learner(MAREK).build());

        LearnerView anna = review.learners.learner(LODZ, ANNA).orElseThrow();

        assertThat(anna.record().orElseThrow().totals().total()).isEqualTo(EctsCredits.of("5"));
        assertThat(anna.decisions()).extracting(DecisionSummary::id).containsExactly(first.id(), second.id());
        assertThat(review.learners.learner(LODZ, MAREK).orElseThrow().record()).isEmpty();
        assertThat(review.learners.learner(ROTTERDAM, ANNA)).isEmpty();
    }

    @Test
    void searchFindsByCredentialIdLearnerIdCourseCodeOrTitleWithinTheInstitutionOnly() {
        RecognitionDecision dataScience = awaitingAt("2025-02-01T10:00:00Z", credential().build());
        RecognitionDecision cities = awaitingAt("2025-02-02T10:00:00Z", credential().learner(MAREK).title("Sustainable Cities (Advanced)")
                .courseCode("ESE-4410").build());
        review.reviewing.approve(cities.id(), JOANNA, new Approve(Optional.of(RecognitionTarget.localCourse("URB-310", Optional.empty())),
                Optional.empty(), Optional.empty(), Optional.empty()), Optional.empty());
        awaitingAt("2025-02-03T10:00:00Z", credential().home(ROTTERDAM).title("Sustainable Cities").build());

        SearchingRecords.SearchResults byId = review.search.search(LODZ, dataScience.id().credentialId().toString());
        assertThat(byId.kind()).isEqualTo(SearchingRecords.SearchKind.CREDENTIAL_ID);
        assertThat(byId.decisions()).extracting(DecisionSummary::id).containsExactly(dataScience.id());

        SearchingRecords.SearchResults byLearner = review.search.search(LODZ, MAREK.value());
        assertThat(byLearner.kind()).isEqualTo(SearchingRecords.SearchKind.LEARNER_ID);
        assertThat(byLearner.learners()).containsExactly(MAREK);
        assertThat(byLearner.decisions()).extracting(DecisionSummary::id).containsExactly(cities.id());

        assertThat(courseHits("feb22012")).containsExactly(dataScience.id());
        assertThat(courseHits("urb-310")).containsExactly(cities.id());
        assertThat(courseHits("sustainable")).containsExactly(cities.id());
        assertThat(courseHits("Cities (Advanced)")).containsExactly(cities.id());
        assertThat(courseHits(".*")).isEmpty();
        assertThat(review.search.search(LODZ, "urn:schac:personalUniqueCode:int:esi:pl:000000").learners()).isEmpty();
    }

    @Test
    void aSearchForControlCharactersIsRefusedBeforeItReachesTheDatabase() {
        assertThatThrownBy(() -> review.search.search(LODZ, "Data\0Science")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("control characters");
        assertThatThrownBy(() -> review.search.search(LODZ, "  ")).isInstanceOf(IllegalArgumentException.class);
    }

    private java.util.List<DecisionId> courseHits(String text) {
        SearchingRecords.SearchResults results = review.search.search(LODZ, text);
        assertThat(results.kind()).isEqualTo(SearchingRecords.SearchKind.COURSE);
        return results.decisions().stream().map(DecisionSummary::id).toList();
    }

    @Test
    void theClockMovesTheAgeFilter() {
        RecognitionDecision today = awaitingAt("2025-03-03T08:00:00Z", credential().build());
        assertThat(filtered(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(1))).isEmpty();

        review.clock.advance(Duration.ofDays(2));

        assertThat(filtered(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(1))).containsExactly(today.id());
    }
}
