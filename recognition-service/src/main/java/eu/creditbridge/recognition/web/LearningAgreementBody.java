package eu.creditbridge.recognition.web;

import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.domain.agreement.AgreementComponent;
import eu.creditbridge.recognition.domain.agreement.AgreementStatus;
import eu.creditbridge.recognition.domain.agreement.LearningAgreement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** A learning agreement as the home institution's system sends it; the path names institution, learner and agreement. */
record LearningAgreementBody(
        @NotBlank String partnerInstitution,
        @NotNull AgreementStatus status,
        LocalDate mobilityFrom,
        LocalDate mobilityUntil,
        @NotEmpty @Size(max = 100) List<@Valid @NotNull Component> components) {

    record Component(
            @NotBlank @Size(max = 100) String partnerCourseCode,
            @NotBlank @Size(max = 100) String localCourseCode,
            @Size(max = 300) String localCourseTitle,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("999.99") BigDecimal ects) {
    }

    /** The domain's checks, each failure named by its field, all at once. */
    LearningAgreement toAgreement(SchacCode home, EuropeanStudentIdentifier learner, String agreementId) {
        List<InvalidFields.Field> errors = new ArrayList<>();
        SchacCode partner = field(errors, "partnerInstitution", () -> SchacCode.lenient(partnerInstitution));
        List<AgreementComponent> parsed = new ArrayList<>();
        for (int i = 0; i < components.size(); i++) {
            Component component = components.get(i);
            AgreementComponent agreed = field(errors, "components[" + i + "]", () -> new AgreementComponent(component.partnerCourseCode(),
                    component.localCourseCode(), Optional.ofNullable(component.localCourseTitle()), EctsCredits.rounded(component.ects())));
            if (agreed != null) {
                parsed.add(agreed);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
        LearningAgreement agreement = field(errors, "agreement", () -> new LearningAgreement(agreementId, home, learner, partner, status,
                Optional.ofNullable(mobilityFrom), Optional.ofNullable(mobilityUntil), parsed));
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
        return agreement;
    }

    private static <T> T field(List<InvalidFields.Field> errors, String name, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            errors.add(new InvalidFields.Field(name, e.getMessage()));
            return null;
        }
    }
}
