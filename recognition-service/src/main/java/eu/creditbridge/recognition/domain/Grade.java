package eu.creditbridge.recognition.domain;

import java.util.Objects;

/** A grade exactly as its grading scheme writes it; conversion never overwrites it. */
public record Grade(String value, String scheme, boolean passed) {

    public Grade {
        Objects.requireNonNull(value, "grade value is required");
        Objects.requireNonNull(scheme, "grading scheme is required");
        if (value.isBlank() || scheme.isBlank()) {
            throw new IllegalArgumentException("a grade needs a value and a grading scheme");
        }
    }
}
