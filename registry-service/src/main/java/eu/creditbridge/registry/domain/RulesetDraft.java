package eu.creditbridge.registry.domain;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a registrar submits for publication: the course-equivalence table and the elective category.
 * It is checked as a whole before it gets a version, so a table that contradicts itself never
 * reaches a recognition-service. (The rule engine of the next step adds its own checks here.)
 *
 * @param electiveCategory null sends credentials without an equivalence to a registrar
 */
public record RulesetDraft(List<CourseEquivalence> courseEquivalences, String electiveCategory) {

    private static final Pattern CATEGORY = Pattern.compile("^[a-z0-9][a-z0-9-]{0,59}$");

    public RulesetDraft {
        courseEquivalences = courseEquivalences == null ? List.of() : List.copyOf(courseEquivalences);
        Violations violations = new Violations();
        if (electiveCategory != null && !CATEGORY.matcher(electiveCategory).matches()) {
            violations.add("electiveCategory", "must be 1-60 lowercase letters, digits or hyphens, such as 'alliance-electives'");
        }
        for (int i = 0; i < courseEquivalences.size(); i++) {
            for (int j = 0; j < i; j++) {
                CourseEquivalence earlier = courseEquivalences.get(j);
                CourseEquivalence later = courseEquivalences.get(i);
                // Two entries for the same partner course in the same period would leave the choice to
                // chance, the known pain of transfer-credit systems: refuse them before publication.
                if (later.sameSourceAs(earlier) && later.overlapsInTime(earlier)) {
                    violations.add("courseEquivalences[" + i + "]", "overlaps courseEquivalences[" + j + "]: "
                            + later.partnerInstitution() + " course " + later.partnerCourseCode()
                            + " already has an equivalence in the same period");
                }
            }
        }
        violations.throwIfAny();
    }

    public Ruleset publishedAs(SchacCode institution, RulesetVersion version, Instant publishedAt) {
        return new Ruleset(institution, version, publishedAt, courseEquivalences, electiveCategory);
    }
}
