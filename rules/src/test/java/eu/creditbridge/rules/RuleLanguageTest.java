package eu.creditbridge.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuleLanguageTest {

    private static final RuleFacts FACTS = new RuleFacts(
            new RuleFacts.CredentialFacts("uni.lodz.pl", "INF-101", "Introduction to Programming", 5, 6, "WRITTEN_EXAM",
                    "SUPERVISED_ON_SITE_WITH_IDENTITY_CHECK", "EXTERNAL_EQAR_AGENCY", "ON_SITE", LocalDate.of(2025, 2, 14),
                    "5", "pl-2-5", true, "0613"),
            new RuleFacts.IssuerFacts("uni.lodz.pl", "PL", List.of("unic")),
            new RuleFacts.LearnerFacts(12, Map.of("alliance-electives", 10.0), Map.of("EUR-ECO-110", 5.0)),
            Set.of("unic"), Optional.of(new RuleFacts.ConvertedGrade(8, true, "ECTS_GRADING_TABLE")), LocalDate.of(2025, 3, 16));

    @Test
    void everyHelperAndVariableEvaluatesAgainstTheFacts() {
        CompiledRules rules = CompiledRules.compile(List.of(
                rule("all", "sharedActiveAlliance() && sharedActiveAlliance('unic') && eqfAtLeast(6) && ectsBetween(3, 6)"
                        + " && ageInDays() == 30 && convertedGradeAtLeast(7) && assessedWithIdentityCheck() && categoryEcts('alliance-electives') == 10.0"
                        + " && 'unic' in issuer.alliances && learner.totalEcts > 10 && 'EUR-ECO-110' in learner.perLocalCourse"
                        + " && learner.perLocalCourse['EUR-ECO-110'] == 5.0 && learner.perCategory['alliance-electives'] == 10.0"
                        + " && 'EUR-ECO-110' in learner.localCourses && learner.categoryEcts['alliance-electives'] == 10.0"
                        + " && credential.issuedOn >= '2025-01-01' && credential.iscedField.startsWith('06')"),
                rule("fails", "credential.issuer == 'uni.lodz.pl' && eqfAtLeast(7)")));

        List<CompiledRules.RuleResult> results = rules.evaluate(FACTS);

        assertThat(results.get(0).status()).isEqualTo(CompiledRules.Status.MATCHED);
        assertThat(results.get(1).status()).isEqualTo(CompiledRules.Status.NOT_MATCHED);
        assertThat(results.get(1).explanation()).isEqualTo("`eqfAtLeast(7)` is false");
    }

    @Test
    void aConditionThatFailsAtRunTimeNeverMatches() {
        CompiledRules rules = CompiledRules.compile(List.of(rule("division", "1 / (credential.eqfLevel - 6) > 0")));

        assertThat(rules.evaluate(FACTS).get(0).status()).isEqualTo(CompiledRules.Status.FAILED);
    }

    @Test
    void aConjunctThatFailsAtRunTimeFailsTheConditionUnlessAnotherIsFalse() {
        CompiledRules rules = CompiledRules.compile(List.of(
                rule("failing-then-false", "1 / (credential.eqfLevel - 6) > 0 && eqfAtLeast(7)"),
                rule("failing-then-true", "1 / (credential.eqfLevel - 6) > 0 && eqfAtLeast(6)")));

        List<CompiledRules.RuleResult> results = rules.evaluate(FACTS);

        // As CEL's own &&: false wins over an error, whichever side it is on.
        assertThat(results.get(0).status()).isEqualTo(CompiledRules.Status.NOT_MATCHED);
        assertThat(results.get(0).explanation()).isEqualTo("`eqfAtLeast(7)` is false");
        assertThat(results.get(1).status()).isEqualTo(CompiledRules.Status.FAILED);
    }

    @Test
    void rulesSharingAConjunctEachGetTheirOwnVerdictAndExplanation() {
        CompiledRules rules = CompiledRules.compile(List.of(
                rule("lodz-informatics", "credential.issuer == 'uni.lodz.pl' && credential.courseCode == 'INF-101'"),
                rule("lodz-economics", "credential.issuer == 'uni.lodz.pl' && credential.courseCode == 'ECO-110'"),
                rule("cork-informatics", "credential.issuer == 'ucc.ie' && credential.courseCode == 'INF-101'")));

        Map<String, CompiledRules.RuleResult> byRule = rules.evaluate(FACTS).stream()
                .collect(Collectors.toMap(result -> result.rule().id(), result -> result));

        assertThat(byRule.get("lodz-informatics").status()).isEqualTo(CompiledRules.Status.MATCHED);
        assertThat(byRule.get("lodz-economics").explanation()).isEqualTo("`credential.courseCode == \"ECO-110\"` is false");
        assertThat(byRule.get("cork-informatics").explanation()).isEqualTo("`credential.issuer == \"ucc.ie\"` is false");
    }

    @ParameterizedTest
    @ValueSource(strings = {"credential.issuer == 'uni.lodz.pl'", "'uni.lodz.pl' == credential.issuer", "credential.issuer == 'ucc.ie'",
            "credential.courseCode == ''", "credential.title == 'Introduction to Programming'", "credential.title == 'introduction to programming'",
            "issuer.country == 'PL'", "credential.issuedOn == '2025-02-14'", "credential.iscedField == '0613 '", "credential.grade == '5'",
            "credential.title == 'Introduction to Programming\u00a0'"})
    void aTextVariableComparedWithATextIsAnsweredAsCelAnswersIt(String condition) throws Exception {
        RuleLanguage language = RuleLanguage.standard();
        RuleLanguage.CompiledCondition compiled = ((RuleLanguage.Compiled) language.compile(condition)).condition();
        RuleLanguage.Evaluation evaluation = language.evaluation(FACTS, new RuleLanguage.ConjunctMemo());

        assertThat(compiled.equality()).as("read as one comparison").isPresent();
        assertThat(language.test(compiled, FACTS).matched()).isEqualTo(evaluation.celSays(compiled.program()));
    }

    @Test
    void onlyATextVariableComparedWithATextIsReadWithoutCel() {
        RuleLanguage language = RuleLanguage.standard();
        for (String other : List.of("credential.ects == 5.0", "credential.eqfLevel == 6", "credential.issuer != 'uni.lodz.pl'",
                "credential.issuer == issuer.schac", "credential.title.startsWith('Intro')", "'unic' in issuer.alliances")) {
            assertThat(((RuleLanguage.Compiled) language.compile(other)).condition().equality()).as(other).isEmpty();
        }
        RuleLanguage.CompiledCondition both = ((RuleLanguage.Compiled) language.compile(
                "credential.issuer == 'uni.lodz.pl' && credential.ects == 5.0")).condition();
        assertThat(both.conjuncts()).extracting(conjunct -> conjunct.equality().isPresent()).containsExactly(true, false);
    }

    @Test
    void comprehensionsAreBounded() {
        CompiledRules rules = CompiledRules.compile(List.of(rule("loop",
                "[1,2,3,4,5,6,7,8,9,10].all(a, [1,2,3,4,5,6,7,8,9,10].all(b, [1,2,3,4,5,6,7,8,9,10].all(c, [1,2,3,4,5,6,7,8,9,10].all(d, true))))")));

        assertThat(rules.evaluate(FACTS).get(0).status()).isEqualTo(CompiledRules.Status.FAILED);
    }

    private static Rule rule(String id, String condition) {
        return new Rule(id, Optional.empty(), 10, condition, new RuleAction.Reject("no"), Optional.empty(), Optional.empty());
    }
}
