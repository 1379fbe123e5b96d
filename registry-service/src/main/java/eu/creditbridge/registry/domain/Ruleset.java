package eu.creditbridge.registry.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One published version of a receiving institution's recognition ruleset. Never changed once published. */
public record Ruleset(
        SchacCode institution,
        RulesetVersion version,
        Instant publishedAt,
        List<CourseEquivalence> courseEquivalences,
        String electiveCategory) {

    public Ruleset {
        Objects.requireNonNull(institution, "institution");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(publishedAt, "publishedAt");
        courseEquivalences = courseEquivalences == null ? List.of() : List.copyOf(courseEquivalences);
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
}
