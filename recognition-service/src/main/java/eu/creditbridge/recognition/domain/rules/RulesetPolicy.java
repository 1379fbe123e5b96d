package eu.creditbridge.recognition.domain.rules;

import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.recognition.domain.AllianceMembership;
import eu.creditbridge.recognition.domain.ConversionMethod;
import eu.creditbridge.recognition.domain.CourseEquivalence;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.Decision;
import eu.creditbridge.recognition.domain.DecisionReason;
import eu.creditbridge.recognition.domain.Grade;
import eu.creditbridge.recognition.domain.GradeConversion;
import eu.creditbridge.recognition.domain.Institution;
import eu.creditbridge.recognition.domain.LearnerContext;
import eu.creditbridge.recognition.domain.Outcome;
import eu.creditbridge.recognition.domain.RecognitionCase;
import eu.creditbridge.recognition.domain.RecognitionPolicy;
import eu.creditbridge.recognition.domain.RecognitionTarget;
import eu.creditbridge.recognition.domain.Ruleset;
import eu.creditbridge.recognition.domain.agreement.AgreedComponent;
import eu.creditbridge.recognition.domain.grading.ConversionPreference;
import eu.creditbridge.recognition.domain.grading.ConvertedGrade;
import eu.creditbridge.recognition.domain.grading.GradeConverter;
import eu.creditbridge.recognition.domain.grading.GradingScheme;
import eu.creditbridge.recognition.domain.grading.InstitutionGrading;
import eu.creditbridge.recognition.domain.rules.CaseChecks.CaseCheck;
import eu.creditbridge.recognition.domain.rules.CaseChecks.Refusal;
import eu.creditbridge.rules.CompiledRules;
import eu.creditbridge.rules.GradeConversionSetting;
import eu.creditbridge.rules.RuleAction;
import eu.creditbridge.rules.RuleFacts;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The rule engine's policy, a function of its {@link RecognitionCase} (the use case gathers the learner's record,
 * agreement and any revocation; the policy reads no store). In order, every step in the trace:
 * <ol>
 *   <li>the checks of {@link CaseChecks#allCurrentChecks()}: not revoked, issuer registered, membership (not
 *       suspended on the issue date), signature (anything but a VALID verdict), grade passed;</li>
 *   <li>grade-conversion: the ruleset's method for the partner (or its default) through {@link GradeConverter}; a
 *       grade that is not on the partner's own scale is refused, and a registrar decides;</li>
 *   <li>learning-agreement: a course the learner's APPROVED agreement lists for the issue date, with at least the
 *       agreed ECTS, is RECOGNISED as the agreed local course before any rule (the strongest basis; it needs no
 *       ruleset). With fewer ECTS than agreed it is only noted, and the rules decide;</li>
 *   <li>ruleset: none published means a registrar decides;</li>
 *   <li>the rules by priority, lower first; the ruleset's course-equivalence table counts as a rule of priority
 *       {@value #EQUIVALENCE_PRIORITY} and its elective category as one of priority {@value #ELECTIVE_PRIORITY}.
 *       The first matching rule whose action can decide wins; every rule is still evaluated and recorded.</li>
 * </ol>
 * An action that cannot decide (an n:1 equivalence still missing parts, an elective cap already reached) is
 * recorded and the next rule is tried; if none decides, a registrar does (NEEDS_REVIEW).
 *
 * <p>n:1: each part is decided on its own credits. A part arriving while others are missing cannot decide (so
 * it usually ends NEEDS_REVIEW, its trace naming the missing parts); once every part is held, a part's decision
 * RECOGNISES the local course with that part's ECTS, so the course's total is the sum of its parts and no decision
 * counts more than its credential carries. The last part is recognised at once; earlier parts are recognised when
 * they are decided again (re-evaluation or a registrar), because this policy decides one credential at a time.
 */
public final class RulesetPolicy implements RecognitionPolicy {

    public static final int EQUIVALENCE_PRIORITY = 100;
    public static final int ELECTIVE_PRIORITY = 900;

    /** Trace entries besides the rules: the checks, grade, agreement, equivalence, electives and the last word. */
    private static final int TRACE_BESIDE_RULES = 16;

    private final GradeConverter converter;
    private final Clock clock;

    /** @param clock today, for {@code ageInDays()} in rule conditions */
    public RulesetPolicy(GradeConverter converter, Clock clock) {
        this.converter = converter;
        this.clock = clock;
    }

    @Override
    public Decision decide(RecognitionCase recognitionCase) {
        // Every rule reaches the trace: room for them all, so the list is not copied as it grows.
        List<DecisionReason> trace = new ArrayList<>(TRACE_BESIDE_RULES + recognitionCase.ruleset().map(r -> r.compiledRules().rules().size()).orElse(0));
        Optional<Integer> version = recognitionCase.ruleset().map(Ruleset::version);
        for (CaseCheck check : CaseChecks.allCurrentChecks()) {
            Optional<Refusal> refusal = check.check(recognitionCase, trace);
            if (refusal.isPresent()) {
                trace.add(refusal.get().reason());
                return notCounting(refusal.get().outcome(), GradeConversion.notConverted(recognitionCase.credential().grade()), trace, version);
            }
        }
        GradeStep grade = gradeStep(recognitionCase);
        if (grade.notOnPartnerScale()) {
            trace.add(DecisionReason.decisive(ConvertedGrade.STEP, grade.reason().explanation()));
            return notCounting(Outcome.NEEDS_REVIEW, grade.conversion(), trace, version);
        }
        Optional<Decision> agreed = asAgreed(recognitionCase, grade, trace, version);
        if (agreed.isPresent()) {
            return agreed.get();
        }
        if (recognitionCase.ruleset().isEmpty()) {
            trace.add(DecisionReason.decisive("ruleset", recognitionCase.receiver().schacCode()
                    + " has not published a recognition ruleset; a registrar decides."));
            return notCounting(Outcome.NEEDS_REVIEW, grade.conversion(), grade.last(trace), version);
        }
        return byRules(recognitionCase, recognitionCase.ruleset().get(), grade, trace);
    }

    /** What became of the grade, and the trace entry that says so (recorded last: it explains, it does not decide). */
    private record GradeStep(GradeConversion conversion, DecisionReason reason, Optional<ConvertedGrade> forRules, boolean notOnPartnerScale) {

        /** The trace with this entry last; the trace is complete then, so it is added to, not copied. */
        List<DecisionReason> last(List<DecisionReason> trace) {
            trace.add(reason);
            return trace;
        }
    }

    private GradeStep gradeStep(RecognitionCase recognitionCase) {
        Credential credential = recognitionCase.credential();
        Optional<Ruleset> ruleset = recognitionCase.ruleset();
        Optional<GradeConversionSetting> setting = ruleset.flatMap(r -> r.gradeConversionFor(credential.issuingInstitution()));
        if (credential.grade().isEmpty()) {
            return new GradeStep(GradeConversion.NO_GRADE, DecisionReason.considered(ConvertedGrade.STEP, "The credential carries no grade."),
                    Optional.empty(), false);
        }
        Grade original = credential.grade().get();
        if (setting.isPresent() && setting.get().method() == GradeConversionSetting.Method.PASS_FAIL) {
            // The ruleset says this partner's results count as pass/fail: keep the grade, convert nothing numeric.
            return new GradeStep(GradeConversion.notConverted(credential.grade()), DecisionReason.considered(ConvertedGrade.STEP,
                    "Ruleset version " + ruleset.get().version() + " counts grades of " + credential.issuingInstitution()
                            + " as pass/fail: the grade " + original.value() + " (" + original.scheme() + ") is kept as issued and not converted."),
                    Optional.empty(), false);
        }
        ConvertedGrade converted = convert(original, recognitionCase.issuer().orElseThrow(), recognitionCase.receiver(), setting);
        return new GradeStep(converted.toGradeConversion(), converted.reason(), Optional.of(converted), converted.notOnPartnerScale());
    }

    /**
     * The ruleset's method for the partner. LINEAR_FORMULA uses the ruleset's own Nmin/Nmax (the partner's scale as the
     * receiver's exam board reads it) and best/worst (of the receiving scale): the ruleset is where the board states
     * its formula. Same scheme, pass/fail and failed grades are handled before, as for every method.
     */
    private ConvertedGrade convert(Grade original, Institution issuer, Institution receiver, Optional<GradeConversionSetting> setting) {
        ConvertedGrade byScheme = converter.convert(original, InstitutionGrading.of(issuer), InstitutionGrading.of(receiver), preference(setting));
        Optional<GradeConversionSetting.LinearScale> scale = setting.filter(s -> s.method() == GradeConversionSetting.Method.LINEAR_FORMULA)
                .flatMap(GradeConversionSetting::linear);
        if (scale.isEmpty() || byScheme.method() == ConversionMethod.SAME_SCHEME || byScheme.method() == ConversionMethod.PASS_FAIL
                || !original.passed()) {
            return byScheme;
        }
        return converter.byRulesetFormula(original, receiver.gradingScheme(), scale.get());
    }

    /** The strongest basis comes first: what home and partner agreed before the mobility. Trust was checked above. */
    private static Optional<Decision> asAgreed(RecognitionCase recognitionCase, GradeStep grade, List<DecisionReason> trace,
                                               Optional<Integer> version) {
        Credential credential = recognitionCase.credential();
        if (recognitionCase.agreed().isEmpty()) {
            trace.add(DecisionReason.considered("learning-agreement", "No approved learning agreement of " + credential.learner()
                    + " lists " + credential.issuingInstitution() + " course " + credential.sourceCourseCode().orElse("(none)")
                    + " for the issue date " + credential.issuedOn() + "."));
            return Optional.empty();
        }
        AgreedComponent component = recognitionCase.agreed().get();
        if (credential.credits().compareTo(component.agreedCredits()) < 0) {
            trace.add(DecisionReason.considered("learning-agreement", component.describe() + " lists this course, but the credential"
                    + " carries only " + credential.credits() + " ECTS: not recognised as agreed; the rules decide."));
            return Optional.empty();
        }
        trace.add(DecisionReason.decisive("learning-agreement", "Recognised as agreed in " + component.describe() + ": "
                + credential.credits() + " ECTS recognised as " + component.target().describe()
                + "; an approved learning agreement is decided before any rule."));
        return Optional.of(new Decision(Outcome.RECOGNISED, credential.credits(), Optional.of(component.target()), grade.conversion(),
                grade.last(trace), version));
    }

    private Decision byRules(RecognitionCase recognitionCase, Ruleset ruleset, GradeStep grade, List<DecisionReason> trace) {
        Credential credential = recognitionCase.credential();
        LearnerContext learner = recognitionCase.learner();
        RuleFacts facts = facts(credential, recognitionCase.issuer().orElseThrow(), recognitionCase.receiver(), learner, grade.forRules());

        List<CompiledRules.RuleResult> results = ruleset.compiledRules().evaluate(facts);
        List<Candidate> candidates = new ArrayList<>(results.size() + 2);
        for (CompiledRules.RuleResult result : results) {
            candidates.add(new Candidate(result.rule().priority(), result.step(), result.matched(), result.explanation(), result.notMatched(),
                    Optional.of(result.rule().action())));
        }
        candidates.add(equivalenceCandidate(credential, ruleset));
        candidates.add(electiveCandidate(credential, ruleset, facts));
        candidates.sort(Comparator.comparingInt(Candidate::priority));

        // The decision is formed after the loop: every later rule must still reach the trace (first decisive wins).
        Optional<Verdict> decided = Optional.empty();
        for (Candidate candidate : candidates) {
            if (decided.isPresent()) {
                trace.add(DecisionReason.considered(candidate.step(), explanationAfterDecision(candidate)));
            } else if (!candidate.matched()) {
                trace.add(DecisionReason.considered(candidate.step(), candidate.notMatched()));
            } else {
                Verdict verdict = apply(candidate.action().orElseThrow(), credential, learner);
                String why = "Matched (" + candidate.explanation() + "): " + verdict.explanation();
                trace.add(verdict.outcome().isPresent() ? DecisionReason.decisive(candidate.step(), why) : DecisionReason.considered(candidate.step(), why));
                decided = verdict.outcome().isPresent() ? Optional.of(verdict) : Optional.empty();
            }
        }
        Optional<Integer> version = Optional.of(ruleset.version());
        if (decided.isPresent()) {
            Verdict verdict = decided.get();
            return new Decision(verdict.outcome().get(), verdict.credits(), verdict.target(), grade.conversion(), grade.last(trace), version);
        }
        trace.add(DecisionReason.decisive("registrar-review", "No rule of ruleset version " + ruleset.version()
                + " decides on this credential automatically; a registrar decides."));
        return notCounting(Outcome.NEEDS_REVIEW, grade.conversion(), grade.last(trace), version);
    }

    private static String explanationAfterDecision(Candidate candidate) {
        return (candidate.matched() ? "Also matched (" + candidate.explanation() + ")" : "Not matched: " + candidate.explanation())
                + "; not applied, an earlier rule decided.";
    }

    /** What a rule's action concludes for this credential; an empty outcome means it cannot decide. */
    private record Verdict(Optional<Outcome> outcome, EctsCredits credits, Optional<RecognitionTarget> target, String explanation) {

        static Verdict undecided(String explanation) {
            return new Verdict(Optional.empty(), EctsCredits.ZERO, Optional.empty(), explanation);
        }

        static Verdict notCounting(Outcome outcome, String explanation) {
            return new Verdict(Optional.of(outcome), EctsCredits.ZERO, Optional.empty(), explanation);
        }
    }

    /** @param notMatched the trace's sentence when it does not match (a rule's is formed once, with its verdict) */
    private record Candidate(int priority, String step, boolean matched, String explanation, String notMatched, Optional<RuleAction> action) {

        Candidate(int priority, String step, boolean matched, String explanation, Optional<RuleAction> action) {
            this(priority, step, matched, explanation, "Not matched: " + explanation + ".", action);
        }
    }

    private static Verdict apply(RuleAction action, Credential credential, LearnerContext learner) {
        return switch (ActionKind.of(action)) {
            case RECOGNISE_AS_COURSE -> asCourse((RuleAction.RecogniseAsCourse) action, credential, learner);
            case ELECTIVE_CREDITS -> asElectives((RuleAction.ElectiveCredits) action, credential, learner);
            case ROUTE_TO_REGISTRAR -> Verdict.notCounting(Outcome.NEEDS_REVIEW, "a registrar decides: " + ((RuleAction.RouteToRegistrar) action).reason());
            case REJECT -> Verdict.notCounting(Outcome.REJECTED, "not recognised: " + ((RuleAction.Reject) action).reason());
        };
    }

    private static Verdict asCourse(RuleAction.RecogniseAsCourse course, Credential credential, LearnerContext learner) {
        RecognitionTarget target = RecognitionTarget.localCourse(course.localCourseCode(), course.localCourseTitle());
        if (!course.isCombination()) {
            return new Verdict(Optional.of(Outcome.RECOGNISED), credential.credits(), Optional.of(target),
                    "recognised as " + target.describe() + " with the full " + credential.credits() + " ECTS.");
        }
        String own = credential.sourceCourseCode().orElse("");
        if (!course.requiredPartnerCourses().contains(own)) {
            return Verdict.undecided("the credential's course " + (own.isEmpty() ? "(none)" : own) + " is not one of "
                    + course.requiredPartnerCourses() + " that together make " + target.describe());
        }
        List<String> missing = course.requiredPartnerCourses().stream()
                .filter(code -> !code.equals(own) && !learner.partnerCoursesHeld().contains(code)).toList();
        if (!missing.isEmpty()) {
            return Verdict.undecided("part of an n:1 equivalence: " + target.describe() + " needs " + course.requiredPartnerCourses()
                    + " together; still missing " + missing + ", so it is not recognised yet (it waits for a registrar, or"
                    + " for the next re-evaluation, which recognises it once every part is held)");
        }
        // Each part's decision counts its own ECTS toward the local course once all parts are held, so the
        // course's total in the learner record is the sum of the parts and no decision counts more than it carries.
        List<String> others = course.requiredPartnerCourses().stream().filter(code -> !code.equals(own)).toList();
        return new Verdict(Optional.of(Outcome.RECOGNISED), credential.credits(), Optional.of(target), "all parts of the n:1"
                + " equivalence " + course.requiredPartnerCourses() + " are held (" + String.join(", ", others)
                + " already received, " + own + " is this credential); together they are " + target.describe()
                + ", and this part's " + credential.credits() + " ECTS count toward it.");
    }

    private static Verdict asElectives(RuleAction.ElectiveCredits elective, Credential credential, LearnerContext learner) {
        RecognitionTarget target = RecognitionTarget.creditCategory(elective.category());
        if (elective.capEcts().isEmpty()) {
            return new Verdict(Optional.of(Outcome.RECOGNISED), credential.credits(), Optional.of(target),
                    credential.credits() + " ECTS recognised as " + target.describe() + ".");
        }
        BigDecimal cap = elective.capEcts().get();
        BigDecimal already = learner.record().map(r -> r.totals().perCategory().getOrDefault(elective.category(), EctsCredits.ZERO).value())
                .orElse(BigDecimal.ZERO);
        BigDecimal room = cap.subtract(already);
        String capText = "the cap of " + plain(cap) + " ECTS in " + elective.category() + " (" + plain(already) + " already recognised)";
        if (room.signum() <= 0) {
            return Verdict.undecided(capText + " is reached; no further credits count in this category");
        }
        if (room.compareTo(credential.credits().value()) >= 0) {
            return new Verdict(Optional.of(Outcome.RECOGNISED), credential.credits(), Optional.of(target),
                    credential.credits() + " ECTS recognised as " + target.describe() + " within " + capText + ".");
        }
        EctsCredits partial = EctsCredits.rounded(room);
        return new Verdict(Optional.of(Outcome.PARTIALLY_RECOGNISED), partial, Optional.of(target),
                "only " + partial + " of " + credential.credits() + " ECTS recognised as " + target.describe() + ": " + capText + ".");
    }

    private static Candidate equivalenceCandidate(Credential credential, Ruleset ruleset) {
        String step = "course-equivalence";
        if (credential.sourceCourseCode().isEmpty()) {
            return new Candidate(EQUIVALENCE_PRIORITY, step, false, "the credential carries no source course code", Optional.empty());
        }
        String code = credential.sourceCourseCode().get();
        List<CourseEquivalence> listed = ruleset.courseEquivalences().stream()
                .filter(e -> e.isFor(credential.issuingInstitution(), code)).toList();
        if (listed.isEmpty()) {
            return new Candidate(EQUIVALENCE_PRIORITY, step, false, "no course equivalence lists " + credential.issuingInstitution()
                    + " course " + code, Optional.empty());
        }
        Optional<CourseEquivalence> inForce = listed.stream().filter(e -> e.appliesOn(credential.issuedOn())).findFirst();
        if (inForce.isEmpty()) {
            return new Candidate(EQUIVALENCE_PRIORITY, step, false, "course equivalence " + listed.stream().map(CourseEquivalence::describe)
                    .collect(Collectors.joining("; ")) + " does not apply to the issue date " + credential.issuedOn(), Optional.empty());
        }
        CourseEquivalence e = inForce.get();
        return new Candidate(EQUIVALENCE_PRIORITY, step, true, "course equivalence " + e.describe() + " applies to the issue date "
                + credential.issuedOn(), Optional.of(new RuleAction.RecogniseAsCourse(e.localCourseCode(), e.localCourseTitle(), List.of())));
    }

    private static Candidate electiveCandidate(Credential credential, Ruleset ruleset, RuleFacts facts) {
        String step = "alliance-electives";
        if (ruleset.electiveCategory().isEmpty()) {
            return new Candidate(ELECTIVE_PRIORITY, step, false, "ruleset version " + ruleset.version() + " names no elective credit category",
                    Optional.empty());
        }
        if (facts.sharedActiveAlliances().isEmpty()) {
            return new Candidate(ELECTIVE_PRIORITY, step, false, credential.issuingInstitution() + " and " + credential.receivingInstitution()
                    + " were not active members of a common alliance on " + credential.issuedOn(), Optional.empty());
        }
        return new Candidate(ELECTIVE_PRIORITY, step, true, "active partners in " + String.join(", ", new TreeSet<>(facts.sharedActiveAlliances()))
                + " on " + credential.issuedOn(), Optional.of(new RuleAction.ElectiveCredits(ruleset.electiveCategory().get(), Optional.empty())));
    }

    private RuleFacts facts(Credential credential, Institution issuer, Institution receiver, LearnerContext learner,
                            Optional<ConvertedGrade> converted) {
        LocalDate on = credential.issuedOn();
        List<String> issuerAlliances = issuer.memberships().stream().filter(m -> m.activeOn(on)).map(AllianceMembership::allianceId).sorted().toList();
        var elements = credential.elements();
        RuleFacts.CredentialFacts credentialFacts = new RuleFacts.CredentialFacts(credential.issuingInstitution().value(),
                credential.sourceCourseCode().orElse(""), credential.title(), credential.credits().value().doubleValue(),
                credential.eqfLevel().orElse(0), elements.assessmentType().orElse(""), elements.identityVerification().orElse(""),
                elements.qualityAssurance().orElse(""), elements.participationForm().orElse(""), on,
                credential.grade().map(g -> g.value()).orElse(""), credential.grade().map(g -> g.scheme()).orElse(""),
                credential.grade().map(g -> g.passed()).orElse(true), elements.iscedField().orElse(""));
        Map<String, Double> categories = new TreeMap<>();
        Map<String, Double> courses = new TreeMap<>();
        double total = 0;
        if (learner.record().isPresent()) {
            var totals = learner.record().get().totals();
            totals.perCategory().forEach((k, v) -> categories.put(k, v.value().doubleValue()));
            totals.perLocalCourse().forEach((k, v) -> courses.put(k, v.value().doubleValue()));
            total = totals.total().value().doubleValue();
        }
        return new RuleFacts(credentialFacts, new RuleFacts.IssuerFacts(issuer.schacCode().value(), issuer.country(), issuerAlliances),
                new RuleFacts.LearnerFacts(total, categories, courses), issuer.activeAlliancesSharedWith(receiver, on),
                converted.flatMap(c -> numeric(c, receiver)), LocalDate.now(clock));
    }

    /** The converted grade as a number in the receiver's scheme, with the scheme's direction, where it has one. */
    private Optional<RuleFacts.ConvertedGrade> numeric(ConvertedGrade converted, Institution receiver) {
        if (converted.converted().isEmpty() || converted.method() == ConversionMethod.PASS_FAIL) {
            return Optional.empty();
        }
        Optional<GradingScheme> scheme = converter.schemes().find(receiver.gradingScheme());
        if (scheme.isEmpty() || !(scheme.get() instanceof GradingScheme.Numeric numericScheme)) {
            return Optional.empty();
        }
        try {
            double value = new BigDecimal(converted.converted().get().value().replace(',', '.')).doubleValue();
            return Optional.of(new RuleFacts.ConvertedGrade(value, !numericScheme.lowerIsBetter(), converted.method().name()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static ConversionPreference preference(Optional<GradeConversionSetting> setting) {
        if (setting.isEmpty()) {
            return ConversionPreference.GRADING_TABLE_THEN_LINEAR;
        }
        return switch (setting.get().method()) {
            case ECTS_GRADING_TABLE -> ConversionPreference.GRADING_TABLE;
            case LINEAR_FORMULA -> ConversionPreference.LINEAR_FORMULA;
            case PASS_FAIL -> ConversionPreference.GRADING_TABLE_THEN_LINEAR;
        };
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static Decision notCounting(Outcome outcome, GradeConversion grade, List<DecisionReason> reasons, Optional<Integer> version) {
        return new Decision(outcome, EctsCredits.ZERO, Optional.empty(), grade, reasons, version);
    }
}
