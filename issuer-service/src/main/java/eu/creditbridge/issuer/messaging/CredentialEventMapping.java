package eu.creditbridge.issuer.messaging;

import eu.creditbridge.contract.AssessmentType;
import eu.creditbridge.contract.AwardingBody;
import eu.creditbridge.contract.CredentialEvent;
import eu.creditbridge.contract.CredentialIssued;
import eu.creditbridge.contract.CredentialRevoked;
import eu.creditbridge.contract.Grade;
import eu.creditbridge.contract.IdentityVerification;
import eu.creditbridge.contract.LearnerIdentification;
import eu.creditbridge.contract.LearningOutcome;
import eu.creditbridge.contract.ParticipationForm;
import eu.creditbridge.contract.QfEheaCycle;
import eu.creditbridge.contract.QualityAssuranceType;
import eu.creditbridge.contract.Stackability;
import eu.creditbridge.issuer.domain.Credential;
import eu.creditbridge.issuer.domain.IssuerEvent;
import eu.creditbridge.kernel.CountryCode;

/**
 * Domain credential events to the Avro contract; generated classes stay on this side of the line. The credential's
 * contract form is built here only ({@link #unsigned}): the signature covers exactly what is published.
 */
public final class CredentialEventMapping {

    private CredentialEventMapping() {
    }

    public static CredentialEvent toAvro(IssuerEvent event) {
        Object payload;
        if (event instanceof IssuerEvent.CredentialIssued issued) {
            payload = issued(issued.credential(), issued.signature());
        } else {
            var revoked = (IssuerEvent.CredentialRevoked) event;
            var c = revoked.credential();
            payload = CredentialRevoked.newBuilder()
                    .setCredentialId(c.id().value())
                    .setIssuingInstitution(c.issuingInstitution().value())
                    .setLearnerId(c.learnerId().value())
                    .setHomeInstitution(c.learner().homeInstitution().value())
                    .setRevokedAt(revoked.revocation().revokedAt())
                    .setReason(revoked.revocation().reason())
                    .build();
        }
        return CredentialEvent.newBuilder()
                .setEventId(event.eventId())
                .setOccurredAt(event.occurredAt())
                .setPayload(payload)
                .build();
    }

    /** The credential as the contract carries it, unsigned: what its signature's canonical form is computed over. */
    public static CredentialIssued unsigned(Credential c) {
        return issued(c, null);
    }

    private static CredentialIssued issued(Credential c, String signature) {
        var learner = c.learner();
        return CredentialIssued.newBuilder()
                .setCredentialId(c.id().value())
                .setIssuingInstitution(c.issuingInstitution().value())
                .setLearner(LearnerIdentification.newBuilder()
                        .setEuropeanStudentIdentifier(learner.europeanStudentIdentifier().value())
                        .setHomeInstitution(learner.homeInstitution().value())
                        .setFullName(learner.fullName())
                        .build())
                .setTitle(c.title())
                .setSourceCourseCode(c.sourceCourseCode())
                .setIssuerCountries(c.issuerCountries().stream().map(CountryCode::value).toList())
                .setAwardingBodies(c.awardingBodies().stream()
                        .map(b -> new AwardingBody(b.schacCode().value(), b.name())).toList())
                .setIssuedOn(c.issuedOn())
                .setLearningOutcomes(c.learningOutcomes().stream()
                        .map(o -> new LearningOutcome(o.description(), o.escoSkill())).toList())
                .setEctsCredits(c.ectsCredits().value())
                .setNotionalHours(c.notionalHours())
                .setEqfLevel(c.eqfLevel() == null ? null : c.eqfLevel().value())
                .setQfEheaCycle(c.qfEheaCycle() == null ? null : QfEheaCycle.valueOf(c.qfEheaCycle().name()))
                .setIscedFieldCode(c.iscedFieldCode() == null ? null : c.iscedFieldCode().value())
                .setAssessmentType(AssessmentType.valueOf(c.assessmentType().name()))
                .setParticipationForm(ParticipationForm.valueOf(c.participationForm().name()))
                .setQualityAssurance(QualityAssuranceType.valueOf(c.qualityAssurance().name()))
                .setPrerequisites(c.prerequisites())
                .setIdentityVerification(c.identityVerification() == null ? null
                        : IdentityVerification.valueOf(c.identityVerification().name()))
                .setGrade(c.grade() == null ? null : new Grade(c.grade().value(), c.grade().scheme(), c.grade().passed()))
                .setStackability(c.stackability() == null ? null
                        : new Stackability(c.stackability().standAlone(), c.stackability().stackableTowards()))
                .setFurtherInformation(c.furtherInformation())
                .setSignature(signature)
                .build();
    }
}
