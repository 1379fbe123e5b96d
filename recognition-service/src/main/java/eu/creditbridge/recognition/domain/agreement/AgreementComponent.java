package eu.creditbridge.recognition.domain.agreement;

import eu.creditbridge.kernel.EctsCredits;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** One line of a learning agreement: a course at the partner, and the local course it will be recognised as. */
public record AgreementComponent(String partnerCourseCode, String localCourseCode, Optional<String> localCourseTitle, EctsCredits credits) {

    public AgreementComponent {
        Objects.requireNonNull(partnerCourseCode, "partner course code is required");
        Objects.requireNonNull(localCourseCode, "local course code is required");
        Objects.requireNonNull(credits, "ECTS credits are required");
        localCourseTitle = Objects.requireNonNullElse(localCourseTitle, Optional.<String>empty()).filter(title -> !title.isBlank());
        partnerCourseCode = partnerCourseCode.trim();
        localCourseCode = localCourseCode.trim();
        if (partnerCourseCode.isEmpty() || localCourseCode.isEmpty()) {
            throw new IllegalArgumentException("course codes are required");
        }
        if (credits.isZero()) {
            throw new IllegalArgumentException("an agreed component carries credits");
        }
    }

    /** Course codes compare as partners write them, ignoring case and surrounding spaces. */
    public boolean isFor(String courseCode) {
        return partnerCourseCode.toLowerCase(Locale.ROOT).equals(courseCode.trim().toLowerCase(Locale.ROOT));
    }
}
