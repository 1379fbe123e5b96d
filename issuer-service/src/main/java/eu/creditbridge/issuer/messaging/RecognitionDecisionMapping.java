package eu.creditbridge.issuer.messaging;

import eu.creditbridge.contract.RecognitionDecided;
import eu.creditbridge.issuer.domain.CredentialId;
import eu.creditbridge.issuer.domain.Grade;
import eu.creditbridge.issuer.domain.RecognitionDecision;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;

/**
 * A RecognitionDecided event from the contract to the domain's view of it. Its identifiers come from a partner's
 * service, so the kernel's lenient factories read them: a partner's spelling of a code is no reason to dead-letter.
 */
final class RecognitionDecisionMapping {

    private RecognitionDecisionMapping() {
    }

    static RecognitionDecision toDomain(RecognitionDecided event) {
        var target = event.getTarget();
        return new RecognitionDecision(
                event.getDecisionId(),
                event.getRevision(),
                new CredentialId(event.getCredentialId()),
                SchacCode.lenient(event.getIssuingInstitution()),
                EuropeanStudentIdentifier.lenient(event.getLearnerId()),
                SchacCode.lenient(event.getReceivingInstitution()),
                RecognitionDecision.Outcome.valueOf(event.getOutcome().name()),
                event.getOriginalCredits(),
                event.getRecognisedCredits(),
                target == null ? null
                        : new RecognitionDecision.Target(target.getKind().name(), target.getCode(), target.getTitle()),
                grade(event.getOriginalGrade()),
                grade(event.getConvertedGrade()),
                event.getConversionMethod() == null ? null : event.getConversionMethod().name(),
                event.getReasons().stream()
                        .map(r -> new RecognitionDecision.Reason(r.getStep(), r.getDecisive(), r.getExplanation()))
                        .toList(),
                event.getSignatureVerdict().name(),
                event.getRulesetVersion(),
                event.getDecidedBy().name(),
                event.getRegistrar(),
                event.getDecidedAt());
    }

    private static Grade grade(eu.creditbridge.contract.Grade grade) {
        return grade == null ? null : new Grade(grade.getValue(), grade.getScheme(), grade.getPassed());
    }
}
