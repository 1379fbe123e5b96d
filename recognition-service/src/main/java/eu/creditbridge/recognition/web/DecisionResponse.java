package eu.creditbridge.recognition.web;

import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.store.StoredDecision;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A decision at its current revision, with its full trace: what a registrar (or an appeal) reads. */
record DecisionResponse(String decisionId, int revision, boolean published, String credentialId, String credentialTitle,
                        String learnerId, String issuingInstitution, String receivingInstitution, String outcome,
                        BigDecimal originalCredits, BigDecimal recognisedCredits, Target target, GradeResponse originalGrade,
                        GradeResponse convertedGrade, String conversionMethod, List<Reason> reasons, Integer rulesetVersion,
                        String decidedBy, String registrar, Instant decidedAt) {

    record Target(String kind, String code, String title) {
    }

    record Reason(String step, boolean decisive, String explanation) {
    }

    static DecisionResponse of(StoredDecision stored) {
        RecognitionDecision decision = stored.decision();
        var concluded = decision.decision();
        return new DecisionResponse(decision.id().value(), decision.revision(), !stored.pending(), decision.id().credentialId().toString(),
                decision.credentialTitle(), decision.learner().value(), decision.issuingInstitution().value(),
                decision.id().receivingInstitution().value(), concluded.outcome().name(), decision.originalCredits().value(),
                concluded.recognisedCredits().value(),
                concluded.target().map(target -> new Target(target.kind().name(), target.code(), target.title().orElse(null))).orElse(null),
                concluded.grade().original().map(GradeResponse::of).orElse(null),
                concluded.grade().converted().map(GradeResponse::of).orElse(null), concluded.grade().method().name(),
                concluded.reasons().stream().map(reason -> new Reason(reason.step(), reason.decisive(), reason.explanation())).toList(),
                concluded.rulesetVersion().orElse(null), decision.decidedBy().name(), decision.registrar().orElse(null), decision.decidedAt());
    }
}
