package eu.creditbridge.recognition.web;

import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.recognition.domain.RecognitionTarget;
import eu.creditbridge.recognition.domain.review.RegistrarAction;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Approve a decision. Everything is optional: what is not given is taken from the suggested mapping.
 *
 * @param targetCourse      a local course to recognise the credential as
 * @param targetCourseTitle its title, shown beside the code
 * @param creditCategory    an elective credit category instead of a course
 * @param expectedRevision  the revision the registrar saw; a different current one is a 409
 * @param signatureOverride true to approve although the credential's signature is not VALID (a reason is then required)
 */
record ApprovalBody(
        @Size(max = 100) String targetCourse,
        @Size(max = 300) String targetCourseTitle,
        @Size(max = 100) String creditCategory,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("999.99") @Digits(integer = 3, fraction = 2) BigDecimal credits,
        @Size(max = 50) String convertedGrade,
        @Size(max = RegistrarAction.MAXIMUM_TEXT) String reason,
        @Min(1) Integer expectedRevision,
        Boolean signatureOverride) {

    RegistrarAction.Approve toApproval() {
        boolean course = targetCourse != null && !targetCourse.isBlank();
        boolean category = creditCategory != null && !creditCategory.isBlank();
        if (course && category) {
            throw new InvalidFields(List.of(new InvalidFields.Field("creditCategory", "give a target course or a credit category, not both")));
        }
        Optional<RecognitionTarget> target = course
                ? Optional.of(RecognitionTarget.localCourse(targetCourse.strip(), Optional.ofNullable(targetCourseTitle).map(String::strip)
                        .filter(title -> !title.isEmpty())))
                : category ? Optional.of(RecognitionTarget.creditCategory(creditCategory.strip())) : Optional.empty();
        return new RegistrarAction.Approve(target, Optional.ofNullable(credits).map(EctsCredits::rounded), Optional.ofNullable(convertedGrade),
                Optional.ofNullable(reason), Boolean.TRUE.equals(signatureOverride));
    }
}
