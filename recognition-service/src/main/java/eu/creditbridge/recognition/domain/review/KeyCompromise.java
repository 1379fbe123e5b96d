package eu.creditbridge.recognition.domain.review;

import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.recognition.domain.DecidedBy;
import eu.creditbridge.recognition.domain.Decision;
import eu.creditbridge.recognition.domain.DecisionReason;
import eu.creditbridge.recognition.domain.IssuerSigningKey;
import eu.creditbridge.recognition.domain.Outcome;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.domain.RecognitionTarget;
import eu.creditbridge.recognition.domain.SignatureVerdict;
import eu.creditbridge.recognition.domain.review.AuditEntry.Change;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An issuer reported a signing key compromised from a date: a decision already made on a credential signed with it
 * and dated on or after that date no longer rests on a trustworthy signature, so it goes back to a registrar.
 * <ul>
 *   <li>recognised or partially recognised (by the rules or by a registrar): NEEDS_REVIEW, no credits;</li>
 *   <li>already awaiting a registrar: stays so, but its signature now reads KEY_COMPROMISED, so the queue flags it and
 *       no bulk approval takes it;</li>
 *   <li>rejected or withdrawn: stands (it counts nothing, and trusting the signature less changes no credit).</li>
 * </ul>
 * The trace keeps every earlier reason (none decisive any more), the signature step now says KEY_COMPROMISED with
 * what it said before, and the decisive reason says why; the audit trail gets a REOPENED entry by the service.
 */
public final class KeyCompromise {

    public static final String STEP = "key-compromised";
    /** Who the audit trail names for a revision no person made. */
    public static final Registrar SERVICE = Registrar.of("recognition-service");

    private KeyCompromise() {
    }

    /** Whether a decision with this outcome is re-decided when its key turns out compromised. */
    public static boolean reopens(Outcome outcome) {
        return outcome.countsCredits() || outcome == Outcome.NEEDS_REVIEW;
    }

    /**
     * @param openQuestion the question out, if any: it stays out (the decision stays ASKED)
     * @return the next revision with its audit entry; empty when the outcome stands or the trace says so already
     */
    public static Optional<ReviewVerdict.Revised> reopen(RecognitionDecision current, Optional<OpenQuestion> openQuestion,
                                                         IssuerSigningKey key, LocalDate issuedOn, Instant at) {
        if (!reopens(current.outcome()) || !key.compromisedFor(issuedOn)
                || TracedSignature.of(current.decision().reasons()).status() == SignatureVerdict.Status.KEY_COMPROMISED) {
            return Optional.empty();
        }
        String compromise = "Key " + key.keyId() + " of " + current.issuingInstitution() + " was reported compromised from "
                + key.compromisedFrom().orElseThrow() + " and the credential is dated " + issuedOn
                + ": whoever holds the stolen key could have signed it.";
        List<DecisionReason> reasons = new ArrayList<>();
        boolean signatureStep = false;
        for (DecisionReason reason : current.decision().reasons()) {
            if (reason.step().equals(TracedSignature.STEP) && !signatureStep) {
                signatureStep = true;
                reasons.add(DecisionReason.considered(TracedSignature.STEP, "Signature " + SignatureVerdict.Status.KEY_COMPROMISED + ": "
                        + compromise + " (Earlier: " + reason.explanation() + ")"));
            } else {
                reasons.add(DecisionReason.considered(reason.step(), reason.explanation()));
            }
        }
        if (!signatureStep) {
            reasons.add(0, DecisionReason.considered(TracedSignature.STEP, "Signature " + SignatureVerdict.Status.KEY_COMPROMISED + ": " + compromise));
        }
        reasons.add(DecisionReason.decisive(STEP, compromise + " Revision " + current.revision() + " (" + current.outcome()
                + current.decision().target().map(target -> " as " + target.describe()).orElse("") + ", "
                + current.decision().recognisedCredits() + " ECTS, decided by " + current.decidedBy()
                + current.registrar().map(r -> " " + r).orElse("") + ") no longer stands: a registrar decides again."));
        Decision next = new Decision(Outcome.NEEDS_REVIEW, EctsCredits.ZERO, Optional.empty(), current.decision().grade(), reasons,
                current.decision().rulesetVersion());
        RecognitionDecision revision = new RecognitionDecision(current.id(), current.revision() + 1, current.learner(),
                current.issuingInstitution(), current.credentialTitle(), current.originalCredits(), next, DecidedBy.RULES,
                Optional.empty(), at);
        ReviewStatus before = ReviewStatus.of(current.outcome(), openQuestion.isPresent());
        List<Change> changes = Stream.of(
                        Change.of("status", Optional.of(before.name()), Optional.of(ReviewStatus.of(Outcome.NEEDS_REVIEW, openQuestion.isPresent()).name())),
                        Change.of("outcome", Optional.of(current.outcome().name()), Optional.of(Outcome.NEEDS_REVIEW.name())),
                        Change.of("recognisedCredits", Optional.of(current.decision().recognisedCredits().toString()), Optional.of(EctsCredits.ZERO.toString())),
                        Change.of("target", current.decision().target().map(RecognitionTarget::describe), Optional.empty()),
                        Change.of("signature", Optional.of(TracedSignature.of(current.decision().reasons()).status().name()),
                                Optional.of(SignatureVerdict.Status.KEY_COMPROMISED.name())),
                        Change.of("decidedBy", Optional.of(current.decidedBy().name() + current.registrar().map(r -> " " + r).orElse("")),
                                Optional.of(DecidedBy.RULES.name())))
                .flatMap(Optional::stream)
                .toList();
        AuditEntry entry = new AuditEntry(revision.revision(), SERVICE, at, ActionKind.REOPENED, changes, Optional.of(compromise));
        return Optional.of(new ReviewVerdict.Revised(revision, entry, openQuestion));
    }
}
