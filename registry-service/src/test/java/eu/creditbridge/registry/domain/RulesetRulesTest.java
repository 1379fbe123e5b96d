package eu.creditbridge.registry.domain;

import static eu.creditbridge.registry.RegistryFixtures.LODZ;
import static eu.creditbridge.registry.RegistryFixtures.ROTTERDAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RulesetRulesTest {

    @Test
    void firstPublishedRulesetIsVersionOneAndEachNextOneIsTheLatestPlusOne() {
        assertThat(Ruleset.versionAfter(Optional.empty())).isEqualTo(new RulesetVersion(1));
        assertThat(Ruleset.versionAfter(Optional.of(new RulesetVersion(7)))).isEqualTo(new RulesetVersion(8));
        assertThatThrownBy(() -> new RulesetVersion(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoEquivalencesForTheSamePartnerCourseInOverlappingPeriodsAreRefusedBeforePublication() {
        assertThatThrownBy(() -> new RulesetDraft(List.of(
                equivalence("INF-101", "EUR-INF-101", null, LocalDate.of(2024, 8, 31)),
                equivalence("INF-101", "EUR-INF-102", LocalDate.of(2024, 1, 1), null)), null))
                .isInstanceOfSatisfying(InvalidRegistryEntry.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("courseEquivalences[1]"));
    }

    @Test
    void successiveEquivalencesForTheSameCourseAreAllowedAndPickedByIssueDate() {
        RulesetDraft draft = new RulesetDraft(List.of(
                equivalence("INF-101", "EUR-INF-101", null, LocalDate.of(2023, 8, 31)),
                equivalence("INF-101", "EUR-INF-110", LocalDate.of(2023, 9, 1), null)), "alliance-electives");
        Ruleset ruleset = draft.publishedAs(ROTTERDAM, RulesetVersion.first(), Instant.parse("2025-01-01T00:00:00Z"));

        assertThat(ruleset.equivalenceFor(LODZ, "INF-101", LocalDate.of(2023, 1, 15)))
                .get().extracting(CourseEquivalence::localCourseCode).isEqualTo("EUR-INF-101");
        assertThat(ruleset.equivalenceFor(LODZ, "INF-101", LocalDate.of(2024, 1, 15)))
                .get().extracting(CourseEquivalence::localCourseCode).isEqualTo("EUR-INF-110");
        assertThat(ruleset.equivalenceFor(LODZ, "SUS-201", LocalDate.of(2024, 1, 15))).isEmpty();
    }

    @Test
    void electiveCategoryMustBeASlug() {
        assertThatThrownBy(() -> new RulesetDraft(List.of(), "Alliance Electives"))
                .isInstanceOfSatisfying(InvalidRegistryEntry.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("electiveCategory"));
    }

    @Test
    void equivalenceEndingBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> equivalence("INF-101", "EUR-INF-101", LocalDate.of(2024, 1, 1), LocalDate.of(2023, 1, 1)))
                .isInstanceOf(InvalidRegistryEntry.class);
    }

    private static CourseEquivalence equivalence(String partnerCourse, String localCourse, LocalDate from, LocalDate until) {
        return new CourseEquivalence(LODZ, partnerCourse, localCourse, null, from, until);
    }
}
