package eu.creditbridge.recognition.domain;

import eu.creditbridge.kernel.SchacCode;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** One row of a course-equivalence table: a partner's course counts as one of ours, between two issue dates. */
public record CourseEquivalence(
        SchacCode partnerInstitution,
        String partnerCourseCode,
        String localCourseCode,
        Optional<String> localCourseTitle,
        Optional<LocalDate> validFrom,
        Optional<LocalDate> validUntil) {

    public CourseEquivalence {
        Objects.requireNonNull(partnerInstitution, "partner institution is required");
        Objects.requireNonNull(partnerCourseCode, "partner course code is required");
        Objects.requireNonNull(localCourseCode, "local course code is required");
        localCourseTitle = Objects.requireNonNullElse(localCourseTitle, Optional.empty());
        validFrom = Objects.requireNonNullElse(validFrom, Optional.empty());
        validUntil = Objects.requireNonNullElse(validUntil, Optional.empty());
        if (partnerCourseCode.isBlank() || localCourseCode.isBlank()) {
            throw new IllegalArgumentException("course codes are required");
        }
        if (validFrom.isPresent() && validUntil.isPresent() && validUntil.get().isBefore(validFrom.get())) {
            throw new IllegalArgumentException("equivalence ends before it starts: " + validFrom.get() + " to " + validUntil.get());
        }
    }

    public boolean isFor(SchacCode issuer, String courseCode) {
        return partnerInstitution.equals(issuer) && partnerCourseCode.equalsIgnoreCase(courseCode.trim());
    }

    /** Both bounds are inclusive: they name the first and the last issue date the equivalence applies to. */
    public boolean appliesOn(LocalDate issuedOn) {
        return validFrom.map(from -> !issuedOn.isBefore(from)).orElse(true)
                && validUntil.map(until -> !issuedOn.isAfter(until)).orElse(true);
    }

    public String describe() {
        return partnerInstitution + " " + partnerCourseCode + " = " + localCourseCode
                + localCourseTitle.map(title -> " (" + title + ")").orElse("")
                + ", issued " + validFrom.map(LocalDate::toString).orElse("any time") + " to "
                + validUntil.map(LocalDate::toString).orElse("open end");
    }
}
