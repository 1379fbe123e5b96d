package eu.creditbridge.recognition.domain.rules;

import static eu.creditbridge.recognition.Fixtures.ISSUED_ON;
import static eu.creditbridge.recognition.Fixtures.LODZ;
import static eu.creditbridge.recognition.Fixtures.OUTSIDER;
import static eu.creditbridge.recognition.Fixtures.SUSPENDED_MEMBER;
import static eu.creditbridge.recognition.Fixtures.SUSPENSION;
import static eu.creditbridge.recognition.Fixtures.credential;
import static eu.creditbridge.recognition.Fixtures.dataScienceFromRotterdam;
import static eu.creditbridge.recognition.Fixtures.lodz;
import static eu.creditbridge.recognition.Fixtures.lodzRuleset;
import static eu.creditbridge.recognition.Fixtures.outsider;
import static eu.creditbridge.recognition.Fixtures.rotterdam;
import static eu.creditbridge.recognition.Fixtures.rotterdamDataScience;
import static eu.creditbridge.recognition.Fixtures.suspendedMember;
import static org.assertj.core.api.Assertions.assertThat;

import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.recognition.Fixtures;
import eu.creditbridge.recognition.TrustFixtures;
import eu.creditbridge.recognition.domain.ConversionMethod;
import eu.creditbridge.recognition.domain.CourseEquivalence;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.Decision;
import eu.creditbridge.recognition.domain.DecisionReason;
import eu.creditbridge.recognition.domain.Grade;
import eu.creditbridge.recognition.domain.Institution;
import eu.creditbridge.recognition.domain.LearnerContext;
import eu.creditbridge.recognition.domain.Outcome;
import eu.creditbridge.recognition.domain.RecognitionCase;
import eu.creditbridge.recognition.domain.RecognitionPolicy;
import eu.creditbridge.recognition.domain.RecognitionTarget;
import eu.creditbridge.recognition.domain.Revocation;
import eu.creditbridge.recognition.domain.Ruleset;
import eu.creditbridge.recognition.domain.SignatureVerdict;
import eu.creditbridge.recognition.domain.TargetKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The policy in force on the fixtures' demo ruleset (Rotterdam's Data Science is INF-2041 in 2024/25, other UNIC
 * courses count as alliance electives): the cases the foundation policy was once tested with, and the named checks
 * every case passes first. The scenario table ({@code recognition-scenarios.yaml}) pins the rest.
 */
class RulesetPolicyTest {

    private final RecognitionPolicy policy = Fixtures.policy();

    private Decision decide(Credential credential, Optional<Institution> issuer, Optional<Ruleset> ruleset) {
        return policy.decide(new RecognitionCase(credential, lodz(), issuer, ruleset, TrustFixtures.VALID));
    }

    private Decision decide(Credential credential, Institution issuer) {
        return decide(credential, Optional.of(issuer), Optional.of(lodzRuleset()));
    }

    private Decision decide(SignatureVerdict verdict) {
        return policy.decide(new RecognitionCase(dataScienceFromRotterdam(), lodz(), Optional.of(rotterdam()), Optional.of(lodzRuleset()), verdict));
    }

    private static DecisionReason decisive(Decision decision) {
        return decision.decisiveReason().orElseThrow();
    }

    // --- the checks every case passes first --------------------------------------------------------------------

    @Test
    void theChecksAreListedTogetherInTheOrderTheyAreAsked() {
        assertThat(CaseChecks.allCurrentChecks()).hasSize(6);
        Decision decision = decide(credential().build(), rotterdam());
        assertThat(decision.reasons()).extracting(DecisionReason::step).startsWith("issuer-registered", "ruleset", "membership", "signature");
    }

    @ParameterizedTest
    @EnumSource(value = SignatureVerdict.Status.class, names = "VALID", mode = EnumSource.Mode.EXCLUDE)
    void credentialWithoutAValidSignatureGoesToARegistrarWithTheVerdictsReason(SignatureVerdict.Status status) {
        Decision decision = decide(SignatureVerdict.of(status, "Because of reasons (" + status + ")."));

        assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(decision.recognisedCredits()).isEqualTo(EctsCredits.ZERO);
        assertThat(decisive(decision).step()).isEqualTo("signature");
        assertThat(decisive(decision).explanation()).contains(status.name()).contains("Because of reasons");
    }

    @Test
    void validSignatureIsRecordedAndTheRulesDecide() {
        Decision decision = decide(TrustFixtures.VALID);

        assertThat(decision.outcome()).isEqualTo(Outcome.RECOGNISED);
        assertThat(decision.reasons()).anyMatch(r -> r.step().equals("signature") && !r.decisive()
                && r.explanation().startsWith("Signature VALID"));
    }

    @Test
    void caseNobodyVerifiedIsNeverAutomatic() {
        Decision decision = policy.decide(new RecognitionCase(dataScienceFromRotterdam(), lodz(), Optional.of(rotterdam()), Optional.of(lodzRuleset())));
        assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(decisive(decision).explanation()).contains("NOT_VERIFIED");
    }

    @Test
    void credentialTheIssuerRevokedBeforeTheDecisionIsRejectedBeforeAnyOtherCheck() {
        Credential credential = dataScienceFromRotterdam();
        Revocation revocation = new Revocation(credential.credentialId(), credential.issuingInstitution(), credential.learner(), LODZ,
                Instant.parse("2025-02-20T10:00:00Z"), "issued in error");

        Decision decision = policy.decide(new RecognitionCase(credential, lodz(), Optional.of(rotterdam()), Optional.of(lodzRuleset()),
                SignatureVerdict.notVerified(), LearnerContext.NONE, Optional.empty(), Optional.of(revocation)));

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.step()).isEqualTo("revocation");
            assertThat(reason.explanation()).contains("issued in error", "a revoked credential is never recognised");
        });
    }

    // --- the cases of the foundation policy, on the policy in force ---------------------------------------------

    @Test
    void partnerCredentialWithMatchingEquivalenceIsRecognisedAsTheLocalCourseWithFullCredits() {
        Decision decision = decide(credential().credits("5.5").build(), rotterdam());

        assertThat(decision.outcome()).isEqualTo(Outcome.RECOGNISED);
        assertThat(decision.recognisedCredits()).isEqualTo(EctsCredits.of("5.50"));
        assertThat(decision.target()).contains(RecognitionTarget.localCourse("INF-2041", Optional.of("Data Science")));
        assertThat(decision.rulesetVersion()).contains(3);
        assertThat(decisive(decision).step()).isEqualTo("course-equivalence");
        assertThat(decisive(decision).explanation()).contains("eur.nl FEB22012 = INF-2041", "5.50 ECTS");
    }

    @Test
    void equivalenceAppliesOnItsFirstAndLastDayInclusive() {
        assertThat(decide(credential().issuedOn(LocalDate.of(2024, 9, 1)).build(), rotterdam()).target())
                .hasValueSatisfying(target -> assertThat(target.kind()).isEqualTo(TargetKind.LOCAL_COURSE));
        assertThat(decide(credential().issuedOn(LocalDate.of(2025, 8, 31)).build(), rotterdam()).target())
                .hasValueSatisfying(target -> assertThat(target.kind()).isEqualTo(TargetKind.LOCAL_COURSE));
    }

    @Test
    void equivalenceOutsideItsEffectiveDatesDoesNotMatchAndTheTraceSaysWhy() {
        Decision before = decide(credential().issuedOn(LocalDate.of(2024, 8, 31)).build(), rotterdam());
        Decision after = decide(credential().issuedOn(LocalDate.of(2025, 9, 1)).build(), rotterdam());

        for (Decision decision : List.of(before, after)) {
            // Still a UNIC partner, so the alliance-electives step takes it instead of the course equivalence.
            assertThat(decision.target()).contains(RecognitionTarget.creditCategory("alliance-electives"));
            assertThat(decision.reasons()).anySatisfy(reason -> {
                assertThat(reason.step()).isEqualTo("course-equivalence");
                assertThat(reason.decisive()).isFalse();
                assertThat(reason.explanation()).contains("does not apply to the issue date");
            });
        }
    }

    @Test
    void equivalenceForAnotherPartnerOrCourseDoesNotMatch() {
        Decision otherCourse = decide(credential().courseCode("FEB99999").build(), rotterdam());

        assertThat(otherCourse.target()).contains(RecognitionTarget.creditCategory("alliance-electives"));
        assertThat(otherCourse.reasons()).anySatisfy(reason ->
                assertThat(reason.explanation()).contains("no course equivalence lists eur.nl course FEB99999"));
    }

    @Test
    void allianceCredentialWithoutEquivalenceCountsAsElectiveCreditsInTheRulesetsCategory() {
        Decision decision = decide(credential().courseCode(null).title("Sustainable Cities micro-credential").credits("3").build(), rotterdam());

        assertThat(decision.outcome()).isEqualTo(Outcome.RECOGNISED);
        assertThat(decision.recognisedCredits()).isEqualTo(EctsCredits.of("3"));
        assertThat(decision.target()).contains(RecognitionTarget.creditCategory("alliance-electives"));
        assertThat(decisive(decision).step()).isEqualTo("alliance-electives");
        assertThat(decisive(decision).explanation()).contains("active partners in unic");
    }

    @Test
    void allianceCredentialWithoutEquivalenceGoesToARegistrarWhenTheRulesetNamesNoElectiveCategory() {
        Ruleset noElectives = new Ruleset(LODZ, 4, List.of(rotterdamDataScience()), Optional.empty());

        Decision decision = decide(credential().courseCode("FEB99999").build(), Optional.of(rotterdam()), Optional.of(noElectives));

        assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(decision.rulesetVersion()).contains(4);
        assertThat(decisive(decision).step()).isEqualTo("registrar-review");
    }

    @Test
    void credentialFromASuspendedMemberIsNotRecognisedAutomaticallyEvenWithAnEquivalence() {
        Ruleset withEquivalence = new Ruleset(LODZ, 5, List.of(new CourseEquivalence(SUSPENDED_MEMBER, "MATH-1", "MAT-101",
                Optional.empty(), Optional.empty(), Optional.empty())), Optional.of("alliance-electives"));

        Decision decision = decide(credential().issuedBy(SUSPENDED_MEMBER).courseCode("MATH-1").issuedOn(SUSPENSION).build(),
                Optional.of(suspendedMember()), Optional.of(withEquivalence));

        assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(decision.recognisedCredits()).isEqualTo(EctsCredits.ZERO);
        assertThat(decisive(decision).step()).isEqualTo("membership");
        assertThat(decisive(decision).explanation()).contains("suspended from UNIC", SUSPENSION.toString());
    }

    @Test
    void credentialASuspendedMemberIssuedBeforeItsSuspensionStillCountsAsAllianceElectives() {
        Decision decision = decide(credential().issuedBy(SUSPENDED_MEMBER).courseCode(null).issuedOn(SUSPENSION.minusDays(1)).build(),
                suspendedMember());

        assertThat(decision.outcome()).isEqualTo(Outcome.RECOGNISED);
        assertThat(decision.target()).contains(RecognitionTarget.creditCategory("alliance-electives"));
    }

    @Test
    void credentialFromAnInstitutionSharingNoActiveAllianceNeedsAReview() {
        Decision decision = decide(credential().issuedBy(OUTSIDER).build(), outsider());

        assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(decision.reasons()).anySatisfy(reason -> {
            assertThat(reason.step()).isEqualTo("alliance-electives");
            assertThat(reason.explanation()).contains("not active members of a common alliance");
        });
    }

    @Test
    void credentialIssuedBeforeBothWereAllianceMembersIsNotAnAllianceElective() {
        Decision decision = decide(credential().courseCode(null).issuedOn(LocalDate.of(2019, 6, 30)).build(), rotterdam());

        assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
    }

    @Test
    void withoutARulesetNothingIsAutomatic() {
        Decision decision = decide(credential().build(), Optional.of(rotterdam()), Optional.empty());

        assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(decision.rulesetVersion()).isEmpty();
        assertThat(decisive(decision).step()).isEqualTo("ruleset");
    }

    @Test
    void credentialFromAnIssuerTheRegistryDoesNotListNeedsAReviewNotARejection() {
        Decision decision = decide(credential().issuedBy(OUTSIDER).build(), Optional.empty(), Optional.of(lodzRuleset()));

        assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(decisive(decision).step()).isEqualTo("issuer-registered");
        assertThat(decisive(decision).explanation()).contains(OUTSIDER.value(), "not listed in the alliance registry");
        assertThat(decision.rulesetVersion()).contains(3);
    }

    @Test
    void failedResultIsRejectedWithTheGradeAsReason() {
        Decision decision = decide(credential().grade(new Grade("4", "nl-1-10", false)).build(), rotterdam());

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decisive(decision).step()).isEqualTo("grade-passed");
    }

    /** The foundation policy kept a grade of another scheme unconverted; the policy in force converts it, keeping the original. */
    @Test
    void gradeInAnotherSchemeIsConvertedAndTheOriginalKept() {
        Decision decision = decide(credential().build(), rotterdam());

        assertThat(decision.grade().original()).contains(new Grade("8", "nl-1-10", true));
        assertThat(decision.grade().converted()).contains(new Grade("4.0", "pl-2-5", true));
        assertThat(decision.grade().method()).isEqualTo(ConversionMethod.LINEAR_FORMULA);
    }

    @Test
    void gradeInTheReceiversOwnSchemeIsCarriedOverAsSameScheme() {
        Grade polishFour = new Grade("4.5", "pl-2-5", true);

        Decision decision = decide(credential().grade(polishFour).build(), rotterdam());

        assertThat(decision.grade().original()).contains(polishFour);
        assertThat(decision.grade().converted()).contains(polishFour);
        assertThat(decision.grade().method()).isEqualTo(ConversionMethod.SAME_SCHEME);
    }

    @Test
    void everyStepIsInTheTraceWithExactlyOneDecisiveReason() {
        Decision decision = decide(credential().build(), rotterdam());

        assertThat(decision.reasons()).extracting(DecisionReason::step).containsExactly(
                "issuer-registered", "ruleset", "membership", "signature", "learning-agreement", "course-equivalence",
                "alliance-electives", "grade-conversion");
        assertThat(decision.reasons()).filteredOn(DecisionReason::decisive).hasSize(1);
        assertThat(decision.reasons()).allSatisfy(reason -> assertThat(reason.explanation()).isNotBlank());
        assertThat(decision.reasons()).filteredOn(reason -> reason.step().equals("alliance-electives"))
                .singleElement().satisfies(reason -> assertThat(reason.explanation()).contains("not applied, an earlier rule decided"));
    }

    @Test
    void sameCaseGivesTheSameDecision() {
        Credential credential = credential().issuedOn(ISSUED_ON).build();

        assertThat(decide(credential, rotterdam())).isEqualTo(decide(credential, rotterdam()));
    }
}
