package eu.creditbridge.recognition.domain.review;

import static eu.creditbridge.recognition.Fixtures.credential;
import static eu.creditbridge.recognition.ReviewFixtures.JOANNA;
import static eu.creditbridge.recognition.ReviewFixtures.POLISH_FOUR_AND_A_HALF;
import static eu.creditbridge.recognition.ReviewFixtures.awaitingRegistrar;
import static org.assertj.core.api.Assertions.assertThat;

import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.recognition.domain.ConversionMethod;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.DecidedBy;
import eu.creditbridge.recognition.domain.Decision;
import eu.creditbridge.recognition.domain.DecisionReason;
import eu.creditbridge.recognition.domain.Grade;
import eu.creditbridge.recognition.domain.GradeConversion;
import eu.creditbridge.recognition.domain.Outcome;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.domain.RecognitionTarget;
import eu.creditbridge.recognition.domain.Revocation;
import eu.creditbridge.recognition.domain.review.AuditEntry.Change;
import eu.creditbridge.recognition.domain.review.RegistrarAction.Approve;
import eu.creditbridge.recognition.domain.review.RegistrarAction.AskQuestion;
import eu.creditbridge.recognition.domain.review.RegistrarAction.Reject;
import eu.creditbridge.recognition.domain.review.ReviewVerdict.Refusal;
import eu.creditbridge.recognition.domain.review.ReviewVerdict.Refused;
import eu.creditbridge.recognition.domain.review.ReviewVerdict.Revised;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReviewPolicyTest {

    private static final Instant NOW = Instant.parse("2025-03-03T09:30:00Z");
    private static final RecognitionTarget DATA_SCIENCE = RecognitionTarget.localCourse("INF-2041", Optional.of("Data Science"));
    private static final SuggestedMapping SUGGESTED = new SuggestedMapping(DATA_SCIENCE, EctsCredits.of("5"),
            "Course equivalence eur.nl FEB22012 = INF-2041 of ruleset version 3; it does not apply to the issue date 2025-02-14.");

    private final ReviewPolicy policy = new ReviewPolicy();
    private final Credential credential = credential().build();
    private final RecognitionDecision awaiting = awaitingRegistrar(credential);

    private static ReviewCase caseOf(RecognitionDecision decision) {
        return new ReviewCase(decision, Optional.empty(), false, Optional.of(SUGGESTED), Optional.of("pl-2-5"));
    }

    private Revised revised(ReviewCase reviewCase, RegistrarAction action) {
        ReviewVerdict verdict = policy.review(reviewCase, action, JOANNA, NOW);
        assertThat(verdict).isInstanceOf(Revised.class);
        return (Revised) verdict;
    }

    private Refused refused(ReviewCase reviewCase, RegistrarAction action) {
        ReviewVerdict verdict = policy.review(reviewCase, action, JOANNA, NOW);
        assertThat(verdict).isInstanceOf(Refused.class);
        return (Refused) verdict;
    }

    @Test
    void approvingAsSuggestedRecognisesAllCreditsAsTheSuggestedCourseInTheNextRevisionDecidedByTheRegistrar() {
        Revised revised = revised(caseOf(awaiting), Approve.AS_SUGGESTED);

        RecognitionDecision next = revised.next();
        assertThat(next.revision()).isEqualTo(2);
        assertThat(next.outcome()).isEqualTo(Outcome.RECOGNISED);
        assertThat(next.decision().recognisedCredits()).isEqualTo(EctsCredits.of("5"));
        assertThat(next.decision().target()).contains(DATA_SCIENCE);
        assertThat(next.decidedBy()).isEqualTo(DecidedBy.REGISTRAR);
        assertThat(next.registrar()).contains("registrar@uni.lodz.pl");
        assertThat(next.decidedAt()).isEqualTo(NOW);
        assertThat(next.decision().rulesetVersion()).contains(3);
        // The suggested conversion is kept as the rules made it.
        assertThat(next.decision().grade().converted()).contains(POLISH_FOUR_AND_A_HALF);
        assertThat(next.decision().grade().method()).isEqualTo(ConversionMethod.ECTS_GRADING_TABLE);
        assertThat(revised.openQuestion()).isEmpty();
    }

    @Test
    void theTraceKeepsEveryEarlierReasonAndEndsWithTheRegistrarsDecisiveOne() {
        RecognitionDecision next = revised(caseOf(awaiting), new Approve(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("Course content unchanged since 2024."))).next();

        List<DecisionReason> reasons = next.decision().reasons();
        assertThat(reasons).startsWith(awaiting.decision().reasons().toArray(DecisionReason[]::new));
        DecisionReason last = reasons.get(reasons.size() - 1);
        assertThat(last.step()).isEqualTo("registrar");
        assertThat(last.decisive()).isTrue();
        assertThat(last.explanation()).contains("registrar@uni.lodz.pl", "5.00 of 5.00 ECTS", "local course INF-2041 (Data Science)",
                "Course content unchanged since 2024.");
    }

    @Test
    void approvingFewerCreditsThanTheCredentialCarriesIsAPartialRecognition() {
        RecognitionDecision next = revised(caseOf(awaiting),
                new Approve(Optional.empty(), Optional.of(EctsCredits.of("2.5")), Optional.empty(), Optional.empty())).next();

        assertThat(next.outcome()).isEqualTo(Outcome.PARTIALLY_RECOGNISED);
        assertThat(next.decision().recognisedCredits()).isEqualTo(EctsCredits.of("2.5"));
    }

    @Test
    void approvingMoreCreditsThanTheCredentialCarriesIsRefusedNamingTheCredits() {
        Refused refused = refused(caseOf(awaiting), new Approve(Optional.empty(), Optional.of(EctsCredits.of("6")), Optional.empty(),
                Optional.empty()));

        assertThat(refused.refusal()).isEqualTo(Refusal.CREDITS_OUT_OF_BOUNDS);
        assertThat(refused.field()).contains("credits");
        assertThat(refused.explanation()).contains("at most the 5.00 ECTS", "6.00");
    }

    @Test
    void approvingAllTheCreditsExactlyIsAFullRecognition() {
        RecognitionDecision next = revised(caseOf(awaiting),
                new Approve(Optional.empty(), Optional.of(EctsCredits.of("5.00")), Optional.empty(), Optional.empty())).next();

        assertThat(next.outcome()).isEqualTo(Outcome.RECOGNISED);
    }

    @Test
    void aTargetTheRegistrarNamesOverridesTheSuggestion() {
        RecognitionTarget electives = RecognitionTarget.creditCategory("alliance-electives");

        RecognitionDecision next = revised(caseOf(awaiting),
                new Approve(Optional.of(electives), Optional.empty(), Optional.empty(), Optional.empty())).next();

        assertThat(next.decision().target()).contains(electives);
        assertThat(next.decision().recognisedCredits()).isEqualTo(EctsCredits.of("5"));
    }

    @Test
    void withNeitherATargetNorASuggestionTheApprovalIsRefusedNamingTheTargetCourse() {
        ReviewCase nothingSuggested = new ReviewCase(awaiting, Optional.empty(), false, Optional.empty(), Optional.of("pl-2-5"));

        Refused refused = refused(nothingSuggested, Approve.AS_SUGGESTED);

        assertThat(refused.refusal()).isEqualTo(Refusal.NO_TARGET);
        assertThat(refused.field()).contains("targetCourse");
    }

    @Test
    void withoutASuggestionTheCredentialsOwnCreditsAreApprovedTowardsTheNamedTarget() {
        ReviewCase nothingSuggested = new ReviewCase(awaiting, Optional.empty(), false, Optional.empty(), Optional.of("pl-2-5"));

        RecognitionDecision next = revised(nothingSuggested,
                new Approve(Optional.of(DATA_SCIENCE), Optional.empty(), Optional.empty(), Optional.empty())).next();

        assertThat(next.decision().recognisedCredits()).isEqualTo(EctsCredits.of("5"));
    }

    @Test
    void aGradeTheRegistrarConvertsIsWrittenInTheHomeSchemeBesideTheOriginalWithMethodRegistrar() {
        RecognitionDecision next = revised(caseOf(awaiting),
                new Approve(Optional.empty(), Optional.empty(), Optional.of("5.0"), Optional.empty())).next();

        GradeConversion grade = next.decision().grade();
        assertThat(grade.original()).contains(new Grade("8", "nl-1-10", true));
        assertThat(grade.converted()).contains(new Grade("5.0", "pl-2-5", true));
        assertThat(grade.method()).isEqualTo(ConversionMethod.REGISTRAR);
    }

    @Test
    void withoutAKnownHomeSchemeTheConvertedGradeIsWrittenInTheSchemeTheRulesConvertedTo() {
        ReviewCase noScheme = new ReviewCase(awaiting, Optional.empty(), false, Optional.of(SUGGESTED), Optional.empty());

        RecognitionDecision next = revised(noScheme, new Approve(Optional.empty(), Optional.empty(), Optional.of("4.0"), Optional.empty())).next();

        assertThat(next.decision().grade().converted()).contains(new Grade("4.0", "pl-2-5", true));
    }

    @Test
    void aConvertedGradeIsRefusedWhenNoSchemeIsKnownAtAll() {
        Credential ungradedConversion = credential().build();
        RecognitionDecision notConverted = RecognitionDecision.byRules(ungradedConversion, new Decision(Outcome.NEEDS_REVIEW, EctsCredits.ZERO,
                Optional.empty(), GradeConversion.notConverted(ungradedConversion.grade()), awaiting.decision().reasons(), Optional.of(3)),
                awaiting.decidedAt());

        Refused refused = refused(new ReviewCase(notConverted, Optional.empty(), false, Optional.of(SUGGESTED), Optional.empty()),
                new Approve(Optional.empty(), Optional.empty(), Optional.of("4.0"), Optional.empty()));

        assertThat(refused.refusal()).isEqualTo(Refusal.GRADE_NOT_CONVERTIBLE);
        assertThat(refused.field()).contains("convertedGrade");
    }

    @Test
    void aCredentialWithoutAGradeHasNothingToConvert() {
        RecognitionDecision ungraded = awaitingRegistrar(credential().grade(null).build());

        Refused refused = refused(caseOf(ungraded), new Approve(Optional.empty(), Optional.empty(), Optional.of("4.0"), Optional.empty()));

        assertThat(refused.refusal()).isEqualTo(Refusal.GRADE_NOT_CONVERTIBLE);
        assertThat(refused.explanation()).contains("no grade");
    }

    @Test
    void aRevokedCredentialIsNeverApprovedButCanStillBeRejectedOrAskedAbout() {
        ReviewCase revoked = new ReviewCase(awaiting, Optional.empty(), true, Optional.of(SUGGESTED), Optional.of("pl-2-5"));

        Refused refused = refused(revoked, Approve.AS_SUGGESTED);

        assertThat(refused.refusal()).isEqualTo(Refusal.REVOKED);
        assertThat(refused.field()).isEmpty();
        assertThat(revised(revoked, new Reject("Revoked by the issuer.")).next().outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(revised(revoked, new AskQuestion("Was the revocation a mistake?")).next().outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
    }

    @Test
    void rejectingCountsNothingKeepsTheGradeAndRecordsTheReasonAsDecisive() {
        Revised revised = revised(caseOf(awaiting), new Reject("Learning outcomes do not match any course of our programme."));

        RecognitionDecision next = revised.next();
        assertThat(next.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(next.decision().recognisedCredits()).isEqualTo(EctsCredits.ZERO);
        assertThat(next.decision().target()).isEmpty();
        assertThat(next.decision().grade()).isEqualTo(awaiting.decision().grade());
        assertThat(next.decidedBy()).isEqualTo(DecidedBy.REGISTRAR);
        DecisionReason last = next.decision().reasons().get(next.decision().reasons().size() - 1);
        assertThat(last.decisive()).isTrue();
        assertThat(last.explanation()).isEqualTo("Rejected by registrar registrar@uni.lodz.pl: Learning outcomes do not match any course of our programme.");
        assertThat(revised.entry().why()).contains("Learning outcomes do not match any course of our programme.");
    }

    @Test
    void askingKeepsTheDecisionAwaitingARegistrarWithTheQuestionOpen() {
        Revised revised = revised(caseOf(awaiting), new AskQuestion("Please send the course syllabus."));

        RecognitionDecision next = revised.next();
        assertThat(next.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(next.revision()).isEqualTo(2);
        assertThat(next.decidedBy()).isEqualTo(DecidedBy.REGISTRAR);
        assertThat(revised.openQuestion()).contains(new OpenQuestion("Please send the course syllabus.", JOANNA, NOW));
        DecisionReason last = next.decision().reasons().get(next.decision().reasons().size() - 1);
        assertThat(last.step()).isEqualTo("registrar-question");
        assertThat(last.decisive()).isFalse();
        assertThat(revised.entry().action()).isEqualTo(ActionKind.ASKED);
        assertThat(revised.entry().changes()).contains(
                new Change("status", Optional.of("AWAITING_REGISTRAR"), Optional.of("ASKED")),
                new Change("question", Optional.empty(), Optional.of("Please send the course syllabus.")));
    }

    @Test
    void anAskedDecisionCanBeApprovedOnceAnsweredAndTheQuestionIsClosed() {
        RecognitionDecision asked = revised(caseOf(awaiting), new AskQuestion("Please send the course syllabus.")).next();
        ReviewCase askedCase = new ReviewCase(asked, Optional.of(new OpenQuestion("Please send the course syllabus.", JOANNA, NOW)), false,
                Optional.of(SUGGESTED), Optional.of("pl-2-5"));
        assertThat(askedCase.status()).isEqualTo(ReviewStatus.ASKED);

        Revised approved = revised(askedCase, Approve.AS_SUGGESTED);

        assertThat(approved.next().revision()).isEqualTo(3);
        assertThat(approved.openQuestion()).isEmpty();
        assertThat(approved.entry().changes()).contains(
                new Change("status", Optional.of("ASKED"), Optional.of("DECIDED")),
                new Change("question", Optional.of("Please send the course syllabus."), Optional.empty()));
    }

    @Test
    void theAuditEntryNamesWhoWhenWhatChangedBeforeAndAfterAndWhy() {
        Revised revised = revised(caseOf(awaiting), new Approve(Optional.of(RecognitionTarget.creditCategory("alliance-electives")),
                Optional.of(EctsCredits.of("4")), Optional.of("4.0"), Optional.of("Only four of five ECTS are at master level.")));

        AuditEntry entry = revised.entry();
        assertThat(entry.revision()).isEqualTo(2);
        assertThat(entry.registrar()).isEqualTo(JOANNA);
        assertThat(entry.at()).isEqualTo(NOW);
        assertThat(entry.action()).isEqualTo(ActionKind.APPROVED);
        assertThat(entry.why()).contains("Only four of five ECTS are at master level.");
        assertThat(entry.changes()).containsExactly(
                new Change("status", Optional.of("AWAITING_REGISTRAR"), Optional.of("DECIDED")),
                new Change("outcome", Optional.of("NEEDS_REVIEW"), Optional.of("PARTIALLY_RECOGNISED")),
                new Change("recognisedCredits", Optional.of("0.00"), Optional.of("4.00")),
                new Change("target", Optional.empty(), Optional.of("credit category alliance-electives")),
                new Change("convertedGrade", Optional.of("4.5 (pl-2-5, ECTS_GRADING_TABLE)"), Optional.of("4.0 (pl-2-5, REGISTRAR)")),
                new Change("decidedBy", Optional.of("RULES"), Optional.of("REGISTRAR registrar@uni.lodz.pl")));
    }

    static Stream<Arguments> settledDecisionsAndEveryAction() {
        Credential settled = credential().build();
        RecognitionDecision recognised = RecognitionDecision.byRules(settled, new Decision(Outcome.RECOGNISED, EctsCredits.of("5"),
                Optional.of(DATA_SCIENCE), GradeConversion.NO_GRADE, List.of(DecisionReason.decisive("course-equivalence", "Matched.")),
                Optional.of(3)), Instant.parse("2025-02-20T10:00:00Z"));
        RecognitionDecision rejected = RecognitionDecision.byRules(settled, new Decision(Outcome.REJECTED, EctsCredits.ZERO, Optional.empty(),
                GradeConversion.NO_GRADE, List.of(DecisionReason.decisive("grade-passed", "Failed.")), Optional.of(3)),
                Instant.parse("2025-02-20T10:00:00Z"));
        RecognitionDecision withdrawn = awaitingRegistrar(settled).withdrawn(new Revocation(settled.credentialId(), settled.issuingInstitution(),
                settled.learner(), settled.homeInstitution(), Instant.parse("2025-03-01T09:00:00Z"), "issued in error"),
                Instant.parse("2025-03-01T09:00:01Z"));
        List<RegistrarAction> actions = List.of(Approve.AS_SUGGESTED, new Reject("No."), new AskQuestion("Why?"));
        return Stream.of(recognised, rejected, withdrawn)
                .flatMap(decision -> actions.stream().map(action -> Arguments.of(decision.outcome(), decision, action)));
    }

    @ParameterizedTest(name = "{0} decision: {2}")
    @MethodSource("settledDecisionsAndEveryAction")
    void aSettledDecisionIsNeverActedOn(Outcome outcome, RecognitionDecision settled, RegistrarAction action) {
        Refused refused = refused(caseOf(settled), action);

        assertThat(refused.refusal()).isEqualTo(Refusal.NOT_AWAITING_REGISTRAR);
        assertThat(refused.field()).isEmpty();
        assertThat(refused.explanation()).contains(outcome.name(), "only a decision awaiting a registrar");
    }

    @Test
    void aDecisionAlreadyRevisedByARegistrarQuestionIsStillReviewableAndCountsOnFromItsRevision() {
        RecognitionDecision asked = revised(caseOf(awaiting), new AskQuestion("Syllabus?")).next();
        ReviewCase askedCase = new ReviewCase(asked, Optional.of(new OpenQuestion("Syllabus?", JOANNA, NOW)), false, Optional.of(SUGGESTED),
                Optional.of("pl-2-5"));

        Revised again = revised(askedCase, new AskQuestion("And the assessment form?"));

        assertThat(again.next().revision()).isEqualTo(3);
        assertThat(again.openQuestion().map(OpenQuestion::question)).contains("And the assessment form?");
        assertThat(again.entry().changes()).contains(new Change("question", Optional.of("Syllabus?"), Optional.of("And the assessment form?")));
    }
}
