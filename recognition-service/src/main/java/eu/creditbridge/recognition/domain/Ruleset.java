package eu.creditbridge.recognition.domain;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.rules.CompiledRules;
import eu.creditbridge.rules.GradeConversionSetting;
import eu.creditbridge.rules.Rule;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A version of a receiving institution's recognition ruleset; versions only grow. The CEL rules are compiled
 * once, when the version arrives, not per credential.
 */
public record Ruleset(
        SchacCode institution,
        int version,
        List<CourseEquivalence> courseEquivalences,
        Optional<String> electiveCategory,
        List<Rule> rules,
        List<GradeConversionSetting> gradeConversions,
        CompiledRules compiledRules) {

    public Ruleset {
        Objects.requireNonNull(institution, "institution is required");
        if (version < 1) {
            throw new IllegalArgumentException("ruleset versions start at 1: " + version);
        }
        courseEquivalences = List.copyOf(Objects.requireNonNullElse(courseEquivalences, List.of()));
        electiveCategory = Objects.requireNonNullElse(electiveCategory, Optional.<String>empty()).filter(category -> !category.isBlank());
        rules = List.copyOf(Objects.requireNonNullElse(rules, List.of()));
        gradeConversions = List.copyOf(Objects.requireNonNullElse(gradeConversions, List.of()));
        compiledRules = compiledRules == null ? CompiledRules.compile(rules) : compiledRules;
    }

    public Ruleset(SchacCode institution, int version, List<CourseEquivalence> courseEquivalences, Optional<String> electiveCategory,
                   List<Rule> rules, List<GradeConversionSetting> gradeConversions) {
        this(institution, version, courseEquivalences, electiveCategory, rules, gradeConversions, null);
    }

    /** A ruleset of the foundation's shape: equivalences and an elective category, no rules. */
    public Ruleset(SchacCode institution, int version, List<CourseEquivalence> courseEquivalences, Optional<String> electiveCategory) {
        this(institution, version, courseEquivalences, electiveCategory, List.of(), List.of(), null);
    }

    /** The conversion setting for grades of the partner: its own, else the default, if any. */
    public Optional<GradeConversionSetting> gradeConversionFor(SchacCode partner) {
        return gradeConversions.stream().filter(s -> s.partnerInstitution().equals(Optional.of(partner.value()))).findFirst()
                .or(() -> gradeConversions.stream().filter(s -> s.partnerInstitution().isEmpty()).findFirst());
    }
}
