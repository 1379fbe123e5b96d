package eu.creditbridge.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** The registry's validation on save, as a table: compile errors, rules that never match, overlaps. */
class RulesetValidationTableTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/ruleset-validation-cases.csv", delimiterString = " | ")
    void rulesetIsCheckedBeforePublication(String scenario, String conditionA, int priorityA, LocalDate fromA, LocalDate untilA,
                                           String conditionB, Integer priorityB, LocalDate fromB, LocalDate untilB,
                                           String expectedKinds, String fragment) {
        List<Rule> rules = new ArrayList<>();
        rules.add(rule("a", conditionA, priorityA, fromA, untilA));
        if (conditionB != null) {
            rules.add(rule("b", conditionB, priorityB, fromB, untilB));
        }

        List<RuleFinding> findings = RulesetAnalysis.analyse(rules, TODAY);

        List<String> expected = expectedKinds.equals("-") ? List.of() : Arrays.asList(expectedKinds.split(" "));
        assertThat(findings).as(scenario).extracting(f -> f.kind().name()).containsExactlyElementsOf(expected);
        if (!fragment.equals("-")) {
            assertThat(findings.get(0).message()).as(scenario).contains(fragment);
        }
    }

    private static Rule rule(String id, String condition, int priority, LocalDate from, LocalDate until) {
        return new Rule(id, Optional.empty(), priority, condition, new RuleAction.RouteToRegistrar("check"),
                Optional.ofNullable(from), Optional.ofNullable(until));
    }
}
