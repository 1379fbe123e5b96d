package eu.creditbridge.recognition.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What recognition needs to know of an issued credential. The receiving institution is the learner's
 * home institution: the one asked to recognise it.
 */
public record Credential(
        UUID credentialId,
        SchacCode issuingInstitution,
        EuropeanStudentIdentifier learner,
        SchacCode homeInstitution,
        String title,
        Optional<String> sourceCourseCode,
        LocalDate issuedOn,
        EctsCredits credits,
        Optional<Integer> eqfLevel,
        Optional<Grade> grade,
        Optional<String> signature) {

    public Credential {
        Objects.requireNonNull(credentialId, "credential id is required");
        Objects.requireNonNull(issuingInstitution, "issuing institution is required");
        Objects.requireNonNull(learner, "learner is required");
        Objects.requireNonNull(homeInstitution, "learner's home institution is required");
        Objects.requireNonNull(title, "title is required");
        Objects.requireNonNull(issuedOn, "issue date is required");
        Objects.requireNonNull(credits, "ECTS credits are required");
        sourceCourseCode = Objects.requireNonNullElse(sourceCourseCode, Optional.<String>empty()).filter(code -> !code.isBlank());
        eqfLevel = Objects.requireNonNullElse(eqfLevel, Optional.empty());
        grade = Objects.requireNonNullElse(grade, Optional.empty());
        signature = Objects.requireNonNullElse(signature, Optional.empty());
        if (title.isBlank()) {
            throw new IllegalArgumentException("title is required");
        }
        eqfLevel.ifPresent(level -> {
            if (level < 1 || level > 8) {
                throw new IllegalArgumentException("EQF level must be 1 to 8: " + level);
            }
        });
    }

    public SchacCode receivingInstitution() {
        return homeInstitution;
    }

    public DecisionId decisionId() {
        return new DecisionId(credentialId, homeInstitution);
    }
}
