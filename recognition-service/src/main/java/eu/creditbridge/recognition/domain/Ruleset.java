package eu.creditbridge.recognition.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A version of a receiving institution's recognition ruleset; versions only grow. */
public record Ruleset(
        SchacCode institution,
        int version,
        List<CourseEquivalence> courseEquivalences,
        Optional<String> electiveCategory) {

    public Ruleset {
        Objects.requireNonNull(institution, "institution is required");
        if (version < 1) {
            throw new IllegalArgumentException("ruleset versions start at 1: " + version);
        }
        courseEquivalences = List.copyOf(Objects.requireNonNullElse(courseEquivalences, List.of()));
        electiveCategory = Objects.requireNonNullElse(electiveCategory, Optional.<String>empty()).filter(category -> !category.isBlank());
    }
}
