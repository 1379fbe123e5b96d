package eu.creditbridge.issuer.web;

import eu.creditbridge.issuer.domain.AssessmentType;
import eu.creditbridge.issuer.domain.Credential;
import eu.creditbridge.issuer.domain.IdentityVerification;
import eu.creditbridge.issuer.domain.ParticipationForm;
import eu.creditbridge.issuer.domain.QfEheaCycle;
import eu.creditbridge.issuer.domain.QualityAssuranceType;
import eu.creditbridge.kernel.CountryCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A credential as JSON: what a client POSTs, and what GET returns inside its answer. Field names are
 * those of the Avro contract's CredentialIssued, so partners see the same words everywhere.
 *
 * <p>{@code credentialId} is optional on POST. A client that sends one can retry safely: the same id
 * with the same content is answered with the credential issued the first time.
 */
public record CredentialBody(
        UUID credentialId,
        String issuingInstitution,
        Learner learner,
        String title,
        String sourceCourseCode,
        List<String> issuerCountries,
        List<AwardingBody> awardingBodies,
        LocalDate issuedOn,
        List<LearningOutcome> learningOutcomes,
        BigDecimal ectsCredits,
        Integer notionalHours,
        Integer eqfLevel,
        QfEheaCycle qfEheaCycle,
        String iscedFieldCode,
        AssessmentType assessmentType,
        ParticipationForm participationForm,
        QualityAssuranceType qualityAssurance,
        String prerequisites,
        IdentityVerification identityVerification,
        Grade grade,
        Stackability stackability,
        String furtherInformation) {

    public record Learner(String europeanStudentIdentifier, String homeInstitution, String fullName) {
    }

    public record AwardingBody(String schacCode, String name) {
    }

    public record LearningOutcome(String description, String escoSkill) {
    }

    public record Grade(String value, String scheme, Boolean passed) {
    }

    public record Stackability(Boolean standAlone, String stackableTowards) {
    }

    static CredentialBody from(Credential c) {
        var learner = c.learner();
        return new CredentialBody(
                c.id().value(),
                c.issuingInstitution().value(),
                new Learner(learner.europeanStudentIdentifier().value(), learner.homeInstitution().value(), learner.fullName()),
                c.title(),
                c.sourceCourseCode(),
                c.issuerCountries().stream().map(CountryCode::value).toList(),
                c.awardingBodies().stream().map(b -> new AwardingBody(b.schacCode().value(), b.name())).toList(),
                c.issuedOn(),
                c.learningOutcomes().stream().map(o -> new LearningOutcome(o.description(), o.escoSkill())).toList(),
                c.ectsCredits().value(),
                c.notionalHours(),
                c.eqfLevel() == null ? null : c.eqfLevel().value(),
                c.qfEheaCycle(),
                c.iscedFieldCode() == null ? null : c.iscedFieldCode().value(),
                c.assessmentType(),
                c.participationForm(),
                c.qualityAssurance(),
                c.prerequisites(),
                c.identityVerification(),
                c.grade() == null ? null : new Grade(c.grade().value(), c.grade().scheme(), c.grade().passed()),
                c.stackability() == null ? null
                        : new Stackability(c.stackability().standAlone(), c.stackability().stackableTowards()),
                c.furtherInformation());
    }
}
