package eu.creditbridge.recognition.web;

import eu.creditbridge.recognition.application.review.DecisionView;
import eu.creditbridge.recognition.domain.AllianceMembership;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.Institution;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A decision at its current revision with everything a registrar needs to act on it: the fields of the plain
 * decision (unchanged, for partners reading it), then status, open question, suggestion, the credential with every
 * element, the partner, signature status, revocation, the learner's record and the audit trail.
 */
record DecisionViewResponse(String decisionId, int revision, boolean published, String credentialId, String credentialTitle,
                            String learnerId, String issuingInstitution, String receivingInstitution, String outcome,
                            BigDecimal originalCredits, BigDecimal recognisedCredits, DecisionSummaryResponse.Target target,
                            GradeResponse originalGrade, GradeResponse convertedGrade, String conversionMethod, List<Reason> reasons,
                            Integer rulesetVersion, String decidedBy, String registrar, Instant decidedAt,
                            String status, DecisionSummaryResponse.Question openQuestion, DecisionSummaryResponse.Suggestion suggestion,
                            CredentialResponse credential, Partner partner, Signature signature, boolean revoked,
                            LearnerRecordResponse learnerRecord, List<AuditEntryResponse> audit, List<String> allowedActions) {

    record Reason(String step, boolean decisive, String explanation) {
    }

    record Signature(String status, String reason) {
    }

    record Partner(String schacCode, String name, String country, List<String> alliances) {

        static Partner of(Institution institution) {
            return new Partner(institution.schacCode().value(), institution.name(), institution.country(),
                    institution.memberships().stream().map(AllianceMembership::allianceName).toList());
        }
    }

    /** The credential as decided on: every element the issuer stated (EU micro-credential elements included). */
    record CredentialResponse(String credentialId, String issuingInstitution, String learnerId, String title, String sourceCourseCode,
                              LocalDate issuedOn, BigDecimal ects, Integer eqfLevel, GradeResponse grade, String assessmentType,
                              String identityVerification, String qualityAssurance, String participationForm, String iscedField,
                              boolean signed) {

        static CredentialResponse of(Credential credential) {
            var elements = credential.elements();
            return new CredentialResponse(credential.credentialId().toString(), credential.issuingInstitution().value(), credential.learner().value(),
                    credential.title(), credential.sourceCourseCode().orElse(null), credential.issuedOn(), credential.credits().value(),
                    credential.eqfLevel().orElse(null), credential.grade().map(GradeResponse::of).orElse(null),
                    elements.assessmentType().orElse(null), elements.identityVerification().orElse(null), elements.qualityAssurance().orElse(null),
                    elements.participationForm().orElse(null), elements.iscedField().orElse(null), credential.signature().isPresent());
        }
    }

    static DecisionViewResponse of(DecisionView view) {
        RecognitionDecision decision = view.decision();
        var concluded = decision.decision();
        var summary = DecisionSummaryResponse.of(view.summary());
        return new DecisionViewResponse(decision.id().value(), decision.revision(), view.published(), decision.id().credentialId().toString(),
                decision.credentialTitle(), decision.learner().value(), decision.issuingInstitution().value(),
                decision.id().receivingInstitution().value(), concluded.outcome().name(), decision.originalCredits().value(),
                concluded.recognisedCredits().value(), summary.target(), summary.originalGrade(), summary.convertedGrade(),
                concluded.grade().method().name(),
                concluded.reasons().stream().map(reason -> new Reason(reason.step(), reason.decisive(), reason.explanation())).toList(),
                concluded.rulesetVersion().orElse(null), decision.decidedBy().name(), decision.registrar().orElse(null), decision.decidedAt(),
                view.summary().status().name(), summary.openQuestion(), summary.suggestion(),
                view.credential().map(CredentialResponse::of).orElse(null), view.partner().map(Partner::of).orElse(null),
                new Signature(view.signature().status().name(), view.signature().reason()), view.revoked(),
                view.learnerRecord().map(LearnerRecordResponse::of).orElse(null),
                view.audit().stream().map(AuditEntryResponse::of).toList(),
                view.allowedActions().stream().map(Enum::name).sorted().toList());
    }
}
