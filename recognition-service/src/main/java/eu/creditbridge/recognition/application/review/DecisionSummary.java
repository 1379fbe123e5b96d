package eu.creditbridge.recognition.application.review;

import eu.creditbridge.kernel.DecisionId;
import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.application.review.ReviewStore.ReviewedDecision;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.DecidedBy;
import eu.creditbridge.recognition.domain.DecisionReason;
import eu.creditbridge.recognition.domain.GradeConversion;
import eu.creditbridge.recognition.domain.Outcome;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.domain.RecognitionTarget;
import eu.creditbridge.recognition.domain.SignatureVerdict;
import eu.creditbridge.recognition.domain.review.OpenQuestion;
import eu.creditbridge.recognition.domain.review.ReviewStatus;
import eu.creditbridge.recognition.domain.review.SuggestedMapping;
import eu.creditbridge.recognition.domain.review.TracedSignature;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * One decision as a queue row, a learner's history line or a search hit shows it.
 *
 * @param partnerName    the issuing institution's name, where the registry view knows it
 * @param decisiveReason the explanation of the first decisive step: why it is where it is
 * @param fieldOfStudy   the credential's ISCED-F code, where the issuer stated it
 * @param suggestion     for decisions awaiting a registrar: what approving it unchanged records
 * @param signature      the signature verdict the trace recorded; anything but VALID is flagged in the queue
 * @param issuedOn       the credential's issue date, where the decision kept its credential
 */
public record DecisionSummary(
        DecisionId id,
        UUID credentialId,
        int revision,
        String credentialTitle,
        Optional<String> sourceCourseCode,
        EuropeanStudentIdentifier learner,
        SchacCode partner,
        Optional<String> partnerName,
        Outcome outcome,
        ReviewStatus status,
        EctsCredits originalCredits,
        EctsCredits recognisedCredits,
        Optional<RecognitionTarget> target,
        GradeConversion grade,
        DecidedBy decidedBy,
        Optional<String> registrar,
        Instant decidedAt,
        Optional<String> decisiveReason,
        Optional<OpenQuestion> openQuestion,
        Optional<String> fieldOfStudy,
        Optional<SuggestedMapping> suggestion,
        SignatureVerdict signature,
        Optional<LocalDate> issuedOn) {

    /** Not VALID: flagged in the queue, left out of bulk approval, approved only with an explicit override. */
    public boolean signatureFlagged() {
        return !signature.trusted();
    }

    static DecisionSummary of(ReviewedDecision reviewed, Optional<String> partnerName, Optional<SuggestedMapping> suggestion) {
        RecognitionDecision decision = reviewed.decision();
        return new DecisionSummary(decision.id(), decision.id().credentialId(), decision.revision(), decision.credentialTitle(),
                reviewed.credential().flatMap(c -> c.sourceCourseCode()), decision.learner(), decision.issuingInstitution(), partnerName,
                decision.outcome(), reviewed.status(), decision.originalCredits(), decision.decision().recognisedCredits(),
                decision.decision().target(), decision.decision().grade(), decision.decidedBy(), decision.registrar(), decision.decidedAt(),
                decision.decision().decisiveReason().map(DecisionReason::explanation), reviewed.openQuestion(),
                reviewed.credential().flatMap(c -> c.elements().iscedField()),
                reviewed.status().awaitsRegistrar() ? suggestion : Optional.empty(),
                TracedSignature.of(decision.decision().reasons()),
                reviewed.credential().map(Credential::issuedOn));
    }
}
