package eu.creditbridge.recognition.domain.rules;

import eu.creditbridge.recognition.domain.AllianceMembership;
import eu.creditbridge.recognition.domain.ConversionMethod;
import eu.creditbridge.recognition.domain.CourseEquivalence;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.Decision;
import eu.creditbridge.recognition.domain.DecisionReason;
import eu.creditbridge.recognition.domain.EctsCredits;
import eu.creditbridge.recognition.domain.Grade;
import eu.creditbridge.recognition.domain.GradeConversion;
import eu.creditbridge.recognition.domain.Institution;
import eu.creditbridge.recognition.domain.Outcome;
import eu.creditbridge.recognition.domain.RecognitionCase;
import eu.creditbridge.recognition.domain.RecognitionPolicy;
import eu.creditbridge.recognition.domain.RecognitionTarget;
import eu.creditbridge.recognition.domain.Ruleset;
import eu.creditbridge.recognition.domain.SignatureVerdict;
import eu.creditbridge.recognition.domain.agreement.AgreedComponent;
import eu.creditbridge.recognition.domain.agreement.LearningAgreements;
import eu.creditbridge.recognition.domain.grading.ConversionPreference;
import eu.creditbridge.recognition.domain.grading.ConvertedGrade;
import eu.creditbridge.recognition.domain.grading.GradeConverter;
import eu.creditbridge.recognition.domain.grading.GradingScheme;
import eu.creditbridge.recognition.domain.grading.InstitutionGrading;
import eu.creditbridge.rules.CompiledRules;
import eu.creditbridge.rules.GradeConversionSetting;
import eu.creditbridge.rules.RuleAction;
import eu.creditbridge.rules.RuleFacts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The rule engine's policy. In order, every step in the trace:
 * <ol>
 *   <li>issuer-registered, membership (suspended on the issue date), signature (anything but a VALID
 *       {@link SignatureVerdict}): never overruled, not even by a learning agreement, so an untrusted credential
 *       never reaches what follows; then grade-passed (a failed grade is REJECTED);</li>
 *   <li>learning-agreement: a course the learner's APPROVED agreement lists for the issue date, with at least the
 *       agreed ECTS, is RECOGNISED as the agreed local course before any rule (the strongest basis; it needs no
 *       ruleset). With fewer ECTS than agreed it is only noted, and the rules decide;</li>
 *   <li>ruleset: none published means a registrar decides;</li>
 *   <li>grade-conversion: the ruleset's method for the partner (or its default) through {@link GradeConverter};
 *       LINEAR_FORMULA with the ruleset's own Nmin/Nmax/best/worst (see {@code convert});</li>
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

    private final GradeConverter converter;
    private final LearnerContext.Source learners;
    private final Clock clock;
    private final LearningAgreements agreements;

    /** A policy that knows of no learning agreements. */
    public RulesetPolicy(GradeConverter converter, LearnerContext.Source learners, Clock clock) {
        this(converter, learners, clock, (home, learner) -> List.of());
    }

    /**
     * @param agreements the learners' learning agreements: looked up by the policy itself (not carried in the
     *                   {@link RecognitionCase}) so the pipeline and re-evaluation, which both build cases, stay as they are
     */
    public RulesetPolicy(GradeConverter converter, LearnerContext.Source learners, Clock clock, LearningAgreements agreements) {
        this.converter = converter;
        this.learners = learners;
        this.clock = clock;
        this.agreements = agreements;
    }

    @Override
    public Decision decide(RecognitionCase recognitionCase) {
        Credential credential = recognitionCase.credential();
        Institution receiver = recognitionCase.receiver();
        List<DecisionReason> reasons = new ArrayList<>();
        Optional<Integer> version = recognitionCase.ruleset().map(Ruleset::version);

        if (recognitionCase.issuer().isEmpty()) {
            reasons.add(DecisionReason.decisive("issuer-registered", "The issuing institution " + credential.issuingInstitution()
                    + " is not listed in the alliance registry, so nothing about it can be trusted automatically; a registrar decides."));
            return refused(Outcome.NEEDS_REVIEW, GradeConversion.notConverted(credential.grade()), reasons, version);
        }
        Institution issuer = recognitionCase.issuer().get();
        reasons.add(DecisionReason.considered("issuer-registered", "The issuing institution " + issuer.schacCode() + " (" + issuer.name()
                + ") is listed in the alliance registry."));
        Optional<Ruleset> maybeRuleset = recognitionCase.ruleset();
        maybeRuleset.ifPresent(r -> reasons.add(DecisionReason.considered("ruleset", "Ruleset version " + r.version() + " of "
                + receiver.schacCode() + " applied.")));

        LocalDate issuedOn = credential.issuedOn();
        Set<String> suspended = issuer.memberships().stream()
                .filter(m -> !issuedOn.isBefore(m.memberSince()) && !m.activeOn(issuedOn))
                .map(AllianceMembership::allianceName).collect(Collectors.toCollection(TreeSet::new));
        if (!suspended.isEmpty()) {
            reasons.add(DecisionReason.decisive("membership", issuer.schacCode() + " was suspended from " + String.join(", ", suspended)
                    + " on the issue date " + issuedOn + "; credentials a suspended member issues are never recognised automatically."));
            return refused(Outcome.NEEDS_REVIEW, GradeConversion.notConverted(credential.grade()), reasons, version);
        }
        reasons.add(DecisionReason.considered("membership", issuer.schacCode() + " was not suspended from any alliance on " + issuedOn + "."));

        // Transport is not trust: no rule may recognise a credential whose signature verdict is anything but VALID.
        SignatureVerdict signature = recognitionCase.signature();
        if (!signature.trusted()) {
            reasons.add(DecisionReason.decisive("signature", "Signature " + signature.status() + ": " + signature.reason()
                    + " A credential whose signature does not verify is never recognised automatically; a registrar decides."));
            return refused(Outcome.NEEDS_REVIEW, GradeConversion.notConverted(credential.grade()), reasons, version);
        }
        reasons.add(DecisionReason.considered("signature", "Signature VALID: " + signature.reason()));

        // A failed result earns no credits whatever a rule or an agreement says (as in the foundation policy).
        if (credential.grade().isPresent() && !credential.grade().get().passed()) {
            Grade failed = credential.grade().get();
            reasons.add(DecisionReason.decisive("grade-passed", "The grade " + failed.value() + " (" + failed.scheme()
                    + ") is not a passing grade; a failed result is not recognised."));
            return refused(Outcome.REJECTED, GradeConversion.notConverted(credential.grade()), reasons, version);
        }

        Optional<GradeConversionSetting> setting = maybeRuleset.flatMap(r -> r.gradeConversionFor(credential.issuingInstitution()));
        Optional<ConvertedGrade> converted = credential.grade().map(g -> convert(g, issuer, receiver, setting));
        GradeConversion grade = converted.map(ConvertedGrade::toGradeConversion).orElse(GradeConversion.NO_GRADE);
        DecisionReason gradeReason = converted.map(ConvertedGrade::reason)
                .orElse(DecisionReason.considered("grade-conversion", "The credential carries no grade."));
        if (setting.isPresent() && setting.get().method() == GradeConversionSetting.Method.PASS_FAIL && credential.grade().isPresent()) {
            // The ruleset says this partner's results count as pass/fail: keep the grade, convert nothing numeric.
            grade = GradeConversion.notConverted(credential.grade());
            gradeReason = DecisionReason.considered("grade-conversion", "Ruleset version " + maybeRuleset.get().version() + " counts grades of "
                    + credential.issuingInstitution() + " as pass/fail: the grade " + credential.grade().get().value() + " ("
                    + credential.grade().get().scheme() + ") is kept as issued and not converted.");
        }

        // The strongest basis comes first: what home and partner agreed before the mobility. Trust was checked above.
        Optional<AgreedComponent> agreed = credential.sourceCourseCode().flatMap(code -> agreements.componentFor(receiver.schacCode(),
                credential.learner(), credential.issuingInstitution(), code, issuedOn));
        if (agreed.isPresent()) {
            AgreedComponent component = agreed.get();
            if (credential.credits().compareTo(component.agreedCredits()) >= 0) {
                reasons.add(DecisionReason.decisive("learning-agreement", "Recognised as agreed in " + component.describe() + ": "
                        + credential.credits() + " ECTS recognised as " + component.target().describe()
                        + "; an approved learning agreement is decided before any rule."));
                return new Decision(Outcome.RECOGNISED, credential.credits(), Optional.of(component.target()), grade,
                        withGrade(reasons, gradeReason), version);
            }
            reasons.add(DecisionReason.considered("learning-agreement", component.describe() + " lists this course, but the credential"
                    + " carries only " + credential.credits() + " ECTS: not recognised as agreed; the rules decide."));
        } else {
            reasons.add(DecisionReason.considered("learning-agreement", "No approved learning agreement of " + credential.learner()
                    + " lists " + credential.issuingInstitution() + " course " + credential.sourceCourseCode().orElse("(none)")
                    + " for the issue date " + issuedOn + "."));
        }

        if (maybeRuleset.isEmpty()) {
            reasons.add(DecisionReason.decisive("ruleset", receiver.schacCode() + " has not published a recognition ruleset; a registrar decides."));
            return refused(Outcome.NEEDS_REVIEW, grade, withGrade(reasons, gradeReason), version);
        }
        Ruleset ruleset = maybeRuleset.get();

        LearnerContext learner = learners.of(credential);
        RuleFacts facts = facts(credential, issuer, receiver, learner, converted.filter(c -> setting.map(s -> s.method()
                != GradeConversionSetting.Method.PASS_FAIL).orElse(true)));

        List<Candidate> candidates = new ArrayList<>();
        for (CompiledRules.RuleResult result : ruleset.compiledRules().evaluate(facts)) {
            candidates.add(new Candidate(result.rule().priority(), "rule " + result.rule().id(), result.matched(),
                    result.explanation(), Optional.of(result.rule().action())));
        }
        candidates.add(equivalenceCandidate(credential, ruleset));
        candidates.add(electiveCandidate(credential, ruleset, facts));
        candidates.sort(Comparator.comparingInt(Candidate::priority));

        // The decision is formed after the loop: every later rule must still reach the trace (first decisive wins).
        Optional<Verdict> decided = Optional.empty();
        for (Candidate candidate : candidates) {
            if (decided.isPresent()) {
                reasons.add(DecisionReason.considered(candidate.step(), explanationAfterDecision(candidate)));
                continue;
            }
            if (!candidate.matched()) {
                reasons.add(DecisionReason.considered(candidate.step(), "Not matched: " + candidate.explanation() + "."));
                continue;
            }
            Verdict verdict = apply(candidate.action().orElseThrow(), credential, learner, ruleset);
            String why = "Matched (" + candidate.explanation() + "): " + verdict.explanation();
            if (verdict.outcome().isEmpty()) {
                reasons.add(DecisionReason.considered(candidate.step(), why));
                continue;
            }
            reasons.add(DecisionReason.decisive(candidate.step(), why));
            decided = Optional.of(verdict);
        }
        if (decided.isPresent()) {
            Verdict verdict = decided.get();
            return new Decision(verdict.outcome().get(), verdict.credits(), verdict.target(), grade, withGrade(reasons, gradeReason), version);
        }
        reasons.add(DecisionReason.decisive("registrar-review", "No rule of ruleset version " + ruleset.version()
                + " decides on this credential automatically; a registrar decides."));
        return refused(Outcome.NEEDS_REVIEW, grade, withGrade(reasons, gradeReason), version);
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

    private record Candidate(int priority, String step, boolean matched, String explanation, Optional<RuleAction> action) {
    }

    private static Verdict apply(RuleAction action, Credential credential, LearnerContext learner, Ruleset ruleset) {
        if (action instanceof RuleAction.RecogniseAsCourse course) {
            RecognitionTarget target = RecognitionTarget.localCourse(course.localCourseCode(), course.localCourseTitle());
            if (course.isCombination()) {
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
            return new Verdict(Optional.of(Outcome.RECOGNISED), credential.credits(), Optional.of(target),
                    "recognised as " + target.describe() + " with the full " + credential.credits() + " ECTS.");
        }
        if (action instanceof RuleAction.ElectiveCredits elective) {
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
            EctsCredits partial = EctsCredits.of(room);
            return new Verdict(Optional.of(Outcome.PARTIALLY_RECOGNISED), partial, Optional.of(target),
                    "only " + partial + " of " + credential.credits() + " ECTS recognised as " + target.describe() + ": " + capText + ".");
        }
        if (action instanceof RuleAction.RouteToRegistrar registrar) {
            return Verdict.notCounting(Outcome.NEEDS_REVIEW, "a registrar decides: " + registrar.reason());
        }
        return Verdict.notCounting(Outcome.REJECTED, "not recognised: " + ((RuleAction.Reject) action).reason());
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
        List<String> courses = new ArrayList<>();
        double total = 0;
        if (learner.record().isPresent()) {
            var totals = learner.record().get().totals();
            totals.perCategory().forEach((k, v) -> categories.put(k, v.value().doubleValue()));
            courses.addAll(totals.perLocalCourse().keySet());
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

    /**
     * The ruleset's method for the partner. LINEAR_FORMULA uses the ruleset's own Nmin/Nmax (the partner's scale as the
     * receiver's exam board reads it) and best/worst (of the receiving scale), not the shape {@link GradeConverter}
     * knows of the schemes: the ruleset is where the board states its formula, and it may convert a scheme the
     * service does not know. Same scheme, pass/fail and failed grades are handled before, as for every method.
     */
    private ConvertedGrade convert(Grade original, Institution issuer, Institution receiver, Optional<GradeConversionSetting> setting) {
        ConvertedGrade byScheme = converter.convert(original, InstitutionGrading.of(issuer), InstitutionGrading.of(receiver), preference(setting));
        Optional<GradeConversionSetting.LinearScale> scale = setting.filter(s -> s.method() == GradeConversionSetting.Method.LINEAR_FORMULA)
                .flatMap(GradeConversionSetting::linear);
        if (scale.isEmpty() || byScheme.method() == ConversionMethod.SAME_SCHEME || byScheme.method() == ConversionMethod.PASS_FAIL
                || !original.passed()) {
            return byScheme;
        }
        GradeConversionSetting.LinearScale linear = scale.get();
        String grade = original.value() + " (" + original.scheme() + ")";
        String formula = "x = " + plain(linear.best()) + " + (" + plain(linear.worst()) + " - " + plain(linear.best()) + ") * ("
                + plain(linear.nMax()) + " - N) / (" + plain(linear.nMax()) + " - " + plain(linear.nMin()) + ")";
        double n;
        try {
            n = Double.parseDouble(original.value().trim().replace(',', '.'));
        } catch (NumberFormatException notANumber) {
            return new ConvertedGrade(original, Optional.empty(), ConversionMethod.NONE, "The grade " + grade + " is kept as issued and not"
                    + " converted: the ruleset's linear formula " + formula + " needs a numeric grade. A registrar converts it.");
        }
        double low = Math.min(linear.nMin(), linear.nMax());
        double high = Math.max(linear.nMin(), linear.nMax());
        boolean beyondBest = linear.nMax() >= linear.nMin() ? n > linear.nMax() : n < linear.nMax();
        if (!beyondBest && (n < low || n > high)) {
            return new ConvertedGrade(original, Optional.empty(), ConversionMethod.NONE, "The grade " + grade + " is kept as issued and not"
                    + " converted: it lies outside the ruleset's passing range Nmin " + plain(linear.nMin()) + " to Nmax "
                    + plain(linear.nMax()) + ". A registrar converts it.");
        }
        double counted = beyondBest ? linear.nMax() : n;
        double exact = linear.best() + (linear.worst() - linear.best()) * (linear.nMax() - counted) / (linear.nMax() - linear.nMin());
        BigDecimal written = converter.schemes().find(receiver.gradingScheme())
                .filter(GradingScheme.Numeric.class::isInstance).map(GradingScheme.Numeric.class::cast)
                .map(home -> home.gradeFor(BigDecimal.valueOf(exact)))
                .orElseGet(() -> BigDecimal.valueOf(linear.convert(counted)));
        return new ConvertedGrade(original, Optional.of(new Grade(written.toPlainString(), receiver.gradingScheme(), true)),
                ConversionMethod.LINEAR_FORMULA, "Linear formula of the ruleset (modified Bavarian, " + formula + "): N = "
                + plain(counted) + (beyondBest ? " (a grade above Nmax counts as Nmax)" : "") + " gives x = "
                + BigDecimal.valueOf(exact).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + ", written as "
                + written.toPlainString() + " (" + receiver.gradingScheme() + ").");
    }

    private static String plain(double value) {
        return plain(BigDecimal.valueOf(value));
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

    private static List<DecisionReason> withGrade(List<DecisionReason> reasons, DecisionReason grade) {
        List<DecisionReason> all = new ArrayList<>(reasons);
        all.add(grade);
        return all;
    }

    private static Decision refused(Outcome outcome, GradeConversion grade, List<DecisionReason> reasons, Optional<Integer> version) {
        return new Decision(outcome, EctsCredits.ZERO, Optional.empty(), grade, reasons, version);
    }
}
