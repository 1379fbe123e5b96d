package eu.creditbridge.registry.domain;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.rules.GradeConversionSetting;
import eu.creditbridge.rules.Rule;
import eu.creditbridge.rules.RuleAction;
import eu.creditbridge.rules.RuleFinding;
import eu.creditbridge.rules.RulesetAnalysis;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a registrar submits for publication: the course-equivalence table, the elective category, the CEL rules
 * and the grade-conversion settings. Its shape is checked on construction (bad slugs, overlapping equivalences,
 * two conversion settings for one partner); the rules themselves are checked by {@link #findings(LocalDate)}
 * (compile errors, rules that never match, overlaps), which needs today's date, before it gets a version.
 *
 * @param electiveCategory null sends credentials without an equivalence or matching rule to a registrar
 */
public record RulesetDraft(List<CourseEquivalence> courseEquivalences, String electiveCategory, List<Rule> rules,
                           List<GradeConversionSetting> gradeConversions) {

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9-]{0,59}$");
    private static final Pattern RULE_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$");

    public RulesetDraft {
        courseEquivalences = courseEquivalences == null ? List.of() : List.copyOf(courseEquivalences);
        rules = rules == null ? List.of() : List.copyOf(rules);
        gradeConversions = gradeConversions == null ? List.of() : List.copyOf(gradeConversions);
        Violations violations = new Violations();
        if (electiveCategory != null && !SLUG.matcher(electiveCategory).matches()) {
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
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            if (!RULE_ID.matcher(rule.id()).matches()) {
                violations.add("rules[" + i + "].id", "must be 1-80 letters, digits, dots, underscores or hyphens");
            }
            if (rule.action() instanceof RuleAction.ElectiveCredits elective && !SLUG.matcher(elective.category()).matches()) {
                violations.add("rules[" + i + "].action.category", "must be 1-60 lowercase letters, digits or hyphens");
            }
        }
        Set<String> partners = new HashSet<>();
        for (int i = 0; i < gradeConversions.size(); i++) {
            String partner = gradeConversions.get(i).partnerInstitution().orElse("(default)");
            if (!partners.add(partner)) {
                violations.add("gradeConversions[" + i + "].partnerInstitution", "a second setting for " + partner);
            }
        }
        violations.throwIfAny();
    }

    /** A draft of the foundation's shape: equivalences and an elective category, no rules. */
    public RulesetDraft(List<CourseEquivalence> courseEquivalences, String electiveCategory) {
        this(courseEquivalences, electiveCategory, List.of(), List.of());
    }

    /** What stops this draft from being published today: rules that do not compile, never match, or overlap. */
    public List<Violation> findings(LocalDate today) {
        return RulesetAnalysis.analyse(rules, today).stream()
                .map(finding -> new Violation(finding.field(), label(finding.kind()) + finding.message()))
                .toList();
    }

    /** Refuses the draft, naming every finding, when it may not be published today. */
    public void requirePublishable(LocalDate today) {
        List<Violation> findings = findings(today);
        if (!findings.isEmpty()) {
            throw new InvalidRegistryEntry(findings);
        }
    }

    private static String label(RuleFinding.Kind kind) {
        return switch (kind) {
            case DOES_NOT_COMPILE -> "[does-not-compile] ";
            case NEVER_MATCHES -> "[never-matches] ";
            case OVERLAPS -> "[overlaps] ";
            case DUPLICATE_ID -> "[duplicate-id] ";
        };
    }

    public Ruleset publishedAs(SchacCode institution, RulesetVersion version, Instant publishedAt) {
        return new Ruleset(institution, version, publishedAt, courseEquivalences, electiveCategory, rules, gradeConversions);
    }
}
