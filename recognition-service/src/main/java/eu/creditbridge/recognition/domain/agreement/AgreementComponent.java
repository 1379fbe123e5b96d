package eu.creditbridge.recognition.domain.agreement;

import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.recognition.domain.RecognitionTarget;
import eu.creditbridge.recognition.domain.TargetKind;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a learning agreement: a course at the partner, and what it will be recognised as at home: a local
 * course, or (an EWP agreement whose Table B lists several courses) the agreement's Table B as a credit category.
 */
public record AgreementComponent(String partnerCourseCode, String localCourseCode, Optional<String> localCourseTitle, EctsCredits credits,
                                 TargetKind targetKind) {

    /** A partner course agreed as one local course. */
    public AgreementComponent(String partnerCourseCode, String localCourseCode, Optional<String> localCourseTitle, EctsCredits credits) {
        this(partnerCourseCode, localCourseCode, localCourseTitle, credits, TargetKind.LOCAL_COURSE);
    }

    public AgreementComponent {
        targetKind = Objects.requireNonNullElse(targetKind, TargetKind.LOCAL_COURSE);
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

    /** What the credits of this partner course count as at home. */
    public RecognitionTarget target() {
        return new RecognitionTarget(targetKind, localCourseCode, localCourseTitle);
    }

    /** Course codes compare as partners write them, ignoring case and surrounding spaces. */
    public boolean isFor(String courseCode) {
        return partnerCourseCode.toLowerCase(Locale.ROOT).equals(courseCode.trim().toLowerCase(Locale.ROOT));
    }
}
