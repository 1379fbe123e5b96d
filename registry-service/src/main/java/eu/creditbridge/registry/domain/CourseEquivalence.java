package eu.creditbridge.registry.domain;

import eu.creditbridge.kernel.SchacCode;
import java.time.LocalDate;

/**
 * A partner's course recognised as one of ours, for credentials issued within the validity dates.
 *
 * @param validFrom null for no lower bound
 * @param validUntil null for no upper bound
 */
public record CourseEquivalence(
        SchacCode partnerInstitution,
        String partnerCourseCode,
        String localCourseCode,
        String localCourseTitle,
        LocalDate validFrom,
        LocalDate validUntil) {

    public CourseEquivalence {
        Violations violations = new Violations();
        if (partnerInstitution == null) {
            violations.add("partnerInstitution", "must be given");
        }
        partnerCourseCode = violations.required("partnerCourseCode", partnerCourseCode, 60);
        localCourseCode = violations.required("localCourseCode", localCourseCode, 60);
        localCourseTitle = violations.optional("localCourseTitle", localCourseTitle, 300);
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            violations.add("validUntil", "must not be before validFrom " + validFrom);
        }
        violations.throwIfAny();
    }

    public boolean appliesOn(LocalDate issueDate) {
        return (validFrom == null || !issueDate.isBefore(validFrom))
                && (validUntil == null || !issueDate.isAfter(validUntil));
    }

    boolean sameSourceAs(CourseEquivalence other) {
        return partnerInstitution.equals(other.partnerInstitution) && partnerCourseCode.equals(other.partnerCourseCode);
    }

    /** Whether some issue date falls within both validity periods. */
    boolean overlapsInTime(CourseEquivalence other) {
        LocalDate latestStart = later(validFrom, other.validFrom);
        LocalDate earliestEnd = earlier(validUntil, other.validUntil);
        return latestStart == null || earliestEnd == null || !earliestEnd.isBefore(latestStart);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : (a.isAfter(b) ? a : b);
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : (a.isBefore(b) ? a : b);
    }
}
