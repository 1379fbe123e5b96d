package eu.creditbridge.recognition.web;

import eu.creditbridge.recognition.domain.agreement.LearningAgreement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A stored learning agreement, as the API shows it. */
record LearningAgreementResponse(
        String agreementId,
        String homeInstitution,
        String learnerId,
        String partnerInstitution,
        String status,
        LocalDate mobilityFrom,
        LocalDate mobilityUntil,
        List<Component> components) {

    record Component(String partnerCourseCode, String localCourseCode, String localCourseTitle, BigDecimal ects) {
    }

    static LearningAgreementResponse of(LearningAgreement agreement) {
        return new LearningAgreementResponse(agreement.agreementId(), agreement.homeInstitution().value(), agreement.learner().value(),
                agreement.partnerInstitution().value(), agreement.status().name(), agreement.mobilityFrom().orElse(null),
                agreement.mobilityUntil().orElse(null),
                agreement.components().stream()
                        .map(component -> new Component(component.partnerCourseCode(), component.localCourseCode(),
                                component.localCourseTitle().orElse(null), component.credits().value()))
                        .toList());
    }
}
