package eu.creditbridge.issuer.domain;

import eu.creditbridge.kernel.CountryCode;
import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.kernel.EqfLevel;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * A learning achievement awarded to a learner: a course result or a micro-credential, with every
 * mandatory and optional element of Annex I of the EU Council Recommendation 2022/C 243/02.
 *
 * <p>Optional elements are null when absent. The constructor checks the rules that tie elements
 * together and reports all broken ones at once.
 */
public record Credential(
        CredentialId id,
        SchacCode issuingInstitution,
        LearnerIdentification learner,
        String title,
        String sourceCourseCode,
        List<CountryCode> issuerCountries,
        List<AwardingBody> awardingBodies,
        LocalDate issuedOn,
        List<LearningOutcome> learningOutcomes,
        EctsCredits ectsCredits,
        Integer notionalHours,
        EqfLevel eqfLevel,
        QfEheaCycle qfEheaCycle,
        IscedFieldCode iscedFieldCode,
        AssessmentType assessmentType,
        ParticipationForm participationForm,
        QualityAssuranceType qualityAssurance,
        String prerequisites,
        IdentityVerification identityVerification,
        Grade grade,
        Stackability stackability,
        String furtherInformation) {

    /** 180 ECTS at 30 hours each: no single credential this service issues is longer. */
    static final int MAX_NOTIONAL_HOURS = 5400;

    /** The EQF level each QF-EHEA cycle corresponds to (Bologna framework). */
    private static final Map<QfEheaCycle, Integer> EQF_OF_CYCLE = Map.of(
            QfEheaCycle.SHORT_CYCLE, 5,
            QfEheaCycle.FIRST_CYCLE, 6,
            QfEheaCycle.SECOND_CYCLE, 7,
            QfEheaCycle.THIRD_CYCLE, 8);

    public Credential {
        issuerCountries = issuerCountries == null ? List.of() : List.copyOf(issuerCountries);
        awardingBodies = awardingBodies == null ? List.of() : List.copyOf(awardingBodies);
        learningOutcomes = learningOutcomes == null ? List.of() : List.copyOf(learningOutcomes);
        title = title == null ? null : title.strip();
        sourceCourseCode = blankToNull(sourceCourseCode);
        prerequisites = blankToNull(prerequisites);
        furtherInformation = blankToNull(furtherInformation);

        var broken = new ArrayList<InvalidValueException.Violation>();
        requirePresent(broken, "id", id);
        requirePresent(broken, "issuingInstitution", issuingInstitution);
        requirePresent(broken, "learner", learner);
        requirePresent(broken, "issuedOn", issuedOn);
        requirePresent(broken, "ectsCredits", ectsCredits);
        requirePresent(broken, "assessmentType", assessmentType);
        requirePresent(broken, "participationForm", participationForm);
        requirePresent(broken, "qualityAssurance", qualityAssurance);
        if (title == null || title.isEmpty() || title.length() > 500) {
            broken.add(violation("title", "must be the title of the credential or course, 1 to 500 characters"));
        }
        if (sourceCourseCode != null && sourceCourseCode.length() > 100) {
            broken.add(violation("sourceCourseCode", "must be at most 100 characters"));
        }
        if (issuerCountries.isEmpty()) {
            broken.add(violation("issuerCountries", "must name at least one country of the issuer"));
        } else if (new HashSet<>(issuerCountries).size() != issuerCountries.size()) {
            broken.add(violation("issuerCountries", "must not repeat a country"));
        }
        if (awardingBodies.isEmpty()) {
            broken.add(violation("awardingBodies", "must name at least one awarding body"));
        } else if (issuingInstitution != null && !awardingBodies.get(0).schacCode().equals(issuingInstitution)) {
            // The contract promises partners that the first awarding body is the issuer.
            broken.add(violation("awardingBodies[0].schacCode", "must be the issuing institution '" + issuingInstitution + "'"));
        }
        if (learningOutcomes.isEmpty()) {
            broken.add(violation("learningOutcomes", "must state at least one learning outcome"));
        }
        if (notionalHours != null && (notionalHours < 1 || notionalHours > MAX_NOTIONAL_HOURS)) {
            broken.add(violation("notionalHours", "must be between 1 and " + MAX_NOTIONAL_HOURS + " hours"));
        }
        if (qfEheaCycle != null && eqfLevel != null && EQF_OF_CYCLE.get(qfEheaCycle) != eqfLevel.value()) {
            broken.add(violation("qfEheaCycle", qfEheaCycle + " corresponds to EQF level "
                    + EQF_OF_CYCLE.get(qfEheaCycle) + ", not " + eqfLevel.value()));
        }
        if (prerequisites != null && prerequisites.length() > 2000) {
            broken.add(violation("prerequisites", "must be at most 2000 characters"));
        }
        if (furtherInformation != null && furtherInformation.length() > 2000) {
            broken.add(violation("furtherInformation", "must be at most 2000 characters"));
        }
        if (!broken.isEmpty()) {
            throw new InvalidValueException(broken);
        }
    }

    /** The learner, as the Kafka key and the stored learner id use it. */
    public EuropeanStudentIdentifier learnerId() {
        return learner.europeanStudentIdentifier();
    }

    /** A copy under another id; used when a client does not choose the id itself. */
    public Credential withId(CredentialId newId) {
        return new Credential(newId, issuingInstitution, learner, title, sourceCourseCode, issuerCountries,
                awardingBodies, issuedOn, learningOutcomes, ectsCredits, notionalHours, eqfLevel, qfEheaCycle,
                iscedFieldCode, assessmentType, participationForm, qualityAssurance, prerequisites,
                identityVerification, grade, stackability, furtherInformation);
    }

    private static void requirePresent(List<InvalidValueException.Violation> broken, String field, Object value) {
        if (value == null) {
            broken.add(violation(field, "is required"));
        }
    }

    private static InvalidValueException.Violation violation(String field, String message) {
        return new InvalidValueException.Violation(field, message);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
