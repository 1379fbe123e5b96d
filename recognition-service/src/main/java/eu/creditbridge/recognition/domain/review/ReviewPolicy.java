package eu.creditbridge.recognition.domain.review;

import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.recognition.domain.ConversionMethod;
import eu.creditbridge.recognition.domain.DecidedBy;
import eu.creditbridge.recognition.domain.Decision;
import eu.creditbridge.recognition.domain.DecisionReason;
import eu.creditbridge.recognition.domain.Grade;
import eu.creditbridge.recognition.domain.GradeConversion;
import eu.creditbridge.recognition.domain.Outcome;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.domain.RecognitionTarget;
import eu.creditbridge.recognition.domain.SignatureVerdict;
import eu.creditbridge.recognition.domain.review.AuditEntry.Change;
import eu.creditbridge.recognition.domain.review.RegistrarAction.Approve;
import eu.creditbridge.recognition.domain.review.RegistrarAction.AskQuestion;
import eu.creditbridge.recognition.domain.review.RegistrarAction.Reject;
import eu.creditbridge.recognition.domain.review.ReviewVerdict.Refusal;
import eu.creditbridge.recognition.domain.review.ReviewVerdict.Refused;
import eu.creditbridge.recognition.domain.review.ReviewVerdict.Revised;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a registrar may do with a decision, and the revision it makes. The rules, in the order they are checked:
 * <ol>
 *   <li>only a decision awaiting a registrar (NEEDS_REVIEW, asked or not) is acted on: a recognised, rejected
 *       or withdrawn decision is settled, and a registrar who disagrees with it is not what this console is for
 *       (an appeal re-opens it elsewhere);</li>
 *   <li>a revoked credential is never approved (rejecting or asking stays possible);</li>
 *   <li>a credential whose signature is not VALID (as the trace recorded it) is approved only with the registrar's
 *       explicit override and a reason, both kept in the audit entry: never as suggested, never in bulk;</li>
 *   <li>an approval counts the credits as something: the target given, else the suggested one;</li>
 *   <li>approved credits are more than 0 and at most what the credential carries. Never more: the learner record
 *       would count credits nobody earned (a 5 ECTS course recognised towards a 6 ECTS local course counts 5).
 *       Fewer makes the outcome PARTIALLY_RECOGNISED (ELMO's partially positive), all of them RECOGNISED;</li>
 *   <li>a converted grade needs the original beside it (a credential without a grade has nothing to convert)
 *       and the home scheme to write it in; it is recorded with the conversion method REGISTRAR.</li>
 * </ol>
 * Every revision keeps the trace of the one before, adds the registrar's decisive reason, and says so in an
 * audit entry listing each value that changed.
 */
public final class ReviewPolicy {

    static final String REGISTRAR_STEP = "registrar";
    static final String QUESTION_STEP = "registrar-question";

    public ReviewVerdict review(ReviewCase reviewCase, RegistrarAction action, Registrar registrar, Instant at) {
        RecognitionDecision current = reviewCase.current();
        if (!reviewCase.status().awaitsRegistrar()) {
            return new Refused(Refusal.NOT_AWAITING_REGISTRAR, Optional.empty(), "Decision " + current.id() + " is " + current.outcome()
                    + " (revision " + current.revision() + ", decided by " + current.decidedBy() + "); only a decision awaiting a registrar"
                    + " can be approved, rejected or sent back.");
        }
        // Java 17: no pattern switch; the sealed family keeps this list complete.
        if (action instanceof Approve approve) {
            return approve(reviewCase, approve, registrar, at);
        }
        if (action instanceof Reject reject) {
            return reject(reviewCase, reject, registrar, at);
        }
        return ask(reviewCase, (AskQuestion) action, registrar, at);
    }

    private Revised reject(ReviewCase reviewCase, Reject reject, Registrar registrar, Instant at) {
        RecognitionDecision current = reviewCase.current();
        Decision next = new Decision(Outcome.REJECTED, EctsCredits.ZERO, Optional.empty(), current.decision().grade(),
                withReason(current, DecisionReason.decisive(REGISTRAR_STEP, "Rejected by registrar " + registrar + ": " + reject.reason())),
                current.decision().rulesetVersion());
        return revised(reviewCase, next, reject, registrar, at, Optional.empty());
    }

    private Revised ask(ReviewCase reviewCase, AskQuestion question, Registrar registrar, Instant at) {
        RecognitionDecision current = reviewCase.current();
        // Considered, not decisive: the decision still awaits a registrar for the reason the rules gave.
        Decision next = new Decision(Outcome.NEEDS_REVIEW, EctsCredits.ZERO, Optional.empty(), current.decision().grade(),
                withReason(current, DecisionReason.considered(QUESTION_STEP, "Registrar " + registrar + " sent the decision back with a question: "
                        + question.question())), current.decision().rulesetVersion());
        return revised(reviewCase, next, question, registrar, at, Optional.of(new OpenQuestion(question.question(), registrar, at)));
    }

    private ReviewVerdict approve(ReviewCase reviewCase, Approve approve, Registrar registrar, Instant at) {
        RecognitionDecision current = reviewCase.current();
        if (reviewCase.revoked()) {
            return new Refused(Refusal.REVOKED, Optional.empty(), "The issuer revoked credential " + current.id().credentialId()
                    + "; a revoked credential is never recognised.");
        }
        SignatureVerdict signature = TracedSignature.of(current.decision().reasons());
        boolean overridden = !signature.trusted();
        if (overridden && !approve.signatureOverride()) {
            return new Refused(Refusal.SIGNATURE_NOT_VALID, Optional.empty(), "The signature of credential " + current.id().credentialId()
                    + " is " + signature.status() + " (" + signature.reason() + "). It is never approved as suggested or in bulk: approve it on"
                    + " its own, acknowledging the signature (signatureOverride) and saying why (reason).");
        }
        if (overridden && approve.reason().isEmpty()) {
            return new Refused(Refusal.SIGNATURE_NOT_VALID, Optional.of("reason"), "Approving despite a signature that is "
                    + signature.status() + " needs a reason: say why the credential is trusted all the same.");
        }
        Optional<RecognitionTarget> target = approve.target().or(() -> reviewCase.suggestion().map(SuggestedMapping::target));
        if (target.isEmpty()) {
            return new Refused(Refusal.NO_TARGET, Optional.of("targetCourse"), "Nothing suggests what " + current.credentialTitle()
                    + " counts as: name the local course or the credit category.");
        }
        EctsCredits credits = approve.credits()
                .or(() -> reviewCase.suggestion().map(SuggestedMapping::credits))
                .orElse(current.originalCredits());
        if (credits.isZero() || credits.compareTo(current.originalCredits()) > 0) {
            return new Refused(Refusal.CREDITS_OUT_OF_BOUNDS, Optional.of("credits"), "Approved credits must be more than 0 and at most the "
                    + current.originalCredits() + " ECTS the credential carries: " + credits + " ECTS.");
        }
        GradeConversion grade = current.decision().grade();
        if (approve.convertedGrade().isPresent()) {
            Optional<Grade> original = grade.original();
            if (original.isEmpty()) {
                return new Refused(Refusal.GRADE_NOT_CONVERTIBLE, Optional.of("convertedGrade"), "The credential carries no grade, so there"
                        + " is nothing to convert.");
            }
            Optional<String> suggestedScheme = grade.converted().map(Grade::scheme);
            Optional<String> scheme = reviewCase.homeGradingScheme().or(() -> suggestedScheme);
            if (scheme.isEmpty()) {
                return new Refused(Refusal.GRADE_NOT_CONVERTIBLE, Optional.of("convertedGrade"), "The home institution's grading scheme is"
                        + " not known here, so a converted grade cannot be written in it.");
            }
            grade = new GradeConversion(original, Optional.of(new Grade(approve.convertedGrade().get(), scheme.get(), true)),
                    ConversionMethod.REGISTRAR);
        }
        Outcome outcome = credits.compareTo(current.originalCredits()) < 0 ? Outcome.PARTIALLY_RECOGNISED : Outcome.RECOGNISED;
        GradeConversion recorded = grade;
        String explanation = "Approved by registrar " + registrar + (overridden ? " despite the signature being " + signature.status() : "")
                + ": " + credits + " of " + current.originalCredits() + " ECTS recognised as "
                + target.get().describe() + recorded.converted().map(g -> ", grade " + g.value() + " (" + g.scheme() + ")").orElse("")
                + approve.reason().map(reason -> ". " + reason).orElse("") + ".";
        Decision next = new Decision(outcome, credits, target, grade, withReason(current, DecisionReason.decisive(REGISTRAR_STEP, explanation)),
                current.decision().rulesetVersion());
        return revised(reviewCase, next, approve, registrar, at, Optional.empty(),
                overridden ? Optional.of("acknowledged " + signature.status()) : Optional.empty());
    }

    private static Revised revised(ReviewCase reviewCase, Decision next, RegistrarAction action, Registrar registrar, Instant at,
                                   Optional<OpenQuestion> question) {
        return revised(reviewCase, next, action, registrar, at, question, Optional.empty());
    }

    /** @param signatureOverride what the registrar acknowledged about a signature that is not VALID, kept in the audit entry */
    private static Revised revised(ReviewCase reviewCase, Decision next, RegistrarAction action, Registrar registrar, Instant at,
                                   Optional<OpenQuestion> question, Optional<String> signatureOverride) {
        RecognitionDecision current = reviewCase.current();
        RecognitionDecision revision = new RecognitionDecision(current.id(), current.revision() + 1, current.learner(),
                current.issuingInstitution(), current.credentialTitle(), current.originalCredits(), next, DecidedBy.REGISTRAR,
                Optional.of(registrar.username()), at);
        AuditEntry entry = new AuditEntry(revision.revision(), registrar, at, action.kind(),
                changes(reviewCase, revision, question, signatureOverride), action.why());
        return new Revised(revision, entry, question);
    }

    /** Each value a registrar reads on the decision page, where it differs before and after. */
    private static List<Change> changes(ReviewCase reviewCase, RecognitionDecision next, Optional<OpenQuestion> question,
                                        Optional<String> signatureOverride) {
        RecognitionDecision before = reviewCase.current();
        return Stream.of(
                        Change.of("status", Optional.of(reviewCase.status().name()),
                                Optional.of(ReviewStatus.of(next.outcome(), question.isPresent()).name())),
                        Change.of("outcome", Optional.of(before.outcome().name()), Optional.of(next.outcome().name())),
                        Change.of("recognisedCredits", Optional.of(before.decision().recognisedCredits().toString()),
                                Optional.of(next.decision().recognisedCredits().toString())),
                        Change.of("target", before.decision().target().map(RecognitionTarget::describe),
                                next.decision().target().map(RecognitionTarget::describe)),
                        Change.of("convertedGrade", converted(before.decision().grade()), converted(next.decision().grade())),
                        Change.of("question", reviewCase.openQuestion().map(OpenQuestion::question), question.map(OpenQuestion::question)),
                        Change.of("decidedBy", Optional.of(before.decidedBy().name() + before.registrar().map(r -> " " + r).orElse("")),
                                Optional.of(next.decidedBy().name() + next.registrar().map(r -> " " + r).orElse(""))),
                        Change.of("signatureOverride", Optional.empty(), signatureOverride))
                .flatMap(Optional::stream)
                .toList();
    }

    private static Optional<String> converted(GradeConversion grade) {
        return grade.converted().map(g -> g.value() + " (" + g.scheme() + ", " + grade.method() + ")");
    }

    private static List<DecisionReason> withReason(RecognitionDecision current, DecisionReason reason) {
        List<DecisionReason> reasons = new ArrayList<>(current.decision().reasons());
        reasons.add(reason);
        return reasons;
    }
}
