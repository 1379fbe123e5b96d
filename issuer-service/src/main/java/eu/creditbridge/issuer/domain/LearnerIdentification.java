package eu.creditbridge.issuer.domain;

import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
/**
 * Who earned the credential: the learner's ESI and home institution (the one asked to recognise it),
 * and optionally the name the issuer knows, for registrars.
 */
public record LearnerIdentification(EuropeanStudentIdentifier europeanStudentIdentifier,
                                    SchacCode homeInstitution,
                                    String fullName) {

    public LearnerIdentification {
        InvalidValueException.required(europeanStudentIdentifier, "the European Student Identifier");
        InvalidValueException.required(homeInstitution, "the home institution");
        fullName = InvalidValueException.optionalText(fullName, "the full name", 300);
    }
}
