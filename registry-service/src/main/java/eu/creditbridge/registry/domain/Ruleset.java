package eu.creditbridge.registry.domain;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.rules.GradeConversionSetting;
import eu.creditbridge.rules.Rule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One published version of a receiving institution's recognition ruleset. Never changed once published.
 * Holds the course-equivalence table (data), the CEL recognition rules and the grade-conversion settings.
 */
public record Ruleset(
        SchacCode institution,
        RulesetVersion version,
        Instant publishedAt,
        List<CourseEquivalence> courseEquivalences,
        String electiveCategory,
        List<Rule> rules,
        List<GradeConversionSetting> gradeConversions) {

    public Ruleset {
        Objects.requireNonNull(institution, "institution");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(publishedAt, "publishedAt");
        courseEquivalences = courseEquivalences == null ? List.of() : List.copyOf(courseEquivalences);
        rules = rules == null ? List.of() : List.copyOf(rules);
        gradeConversions = gradeConversions == null ? List.of() : List.copyOf(gradeConversions);
    }

    /** A ruleset of the foundation's shape: equivalences and an elective category, no rules. */
    public Ruleset(SchacCode institution, RulesetVersion version, Instant publishedAt, List<CourseEquivalence> courseEquivalences,
                   String electiveCategory) {
        this(institution, version, publishedAt, courseEquivalences, electiveCategory, List.of(), List.of());
    }

    /** The version that follows the latest one, or the first when none exists yet. */
    public static RulesetVersion versionAfter(Optional<RulesetVersion> latest) {
        return latest.map(RulesetVersion::next).orElseGet(RulesetVersion::first);
    }

    public Optional<CourseEquivalence> equivalenceFor(SchacCode partner, String partnerCourseCode, LocalDate issueDate) {
        return courseEquivalences.stream()
                .filter(e -> e.partnerInstitution().equals(partner) && e.partnerCourseCode().equals(partnerCourseCode))
                .filter(e -> e.appliesOn(issueDate))
                .findFirst();
    }

    public Optional<Rule> rule(String id) {
        return rules.stream().filter(rule -> rule.id().equals(id)).findFirst();
    }
}
