package eu.creditbridge.recognition.domain.rules;

import eu.creditbridge.recognition.domain.AllianceMembership;
import eu.creditbridge.recognition.domain.ConversionMethod;
import eu.creditbridge.recognition.domain.CourseEquivalence;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.Decision;
import eu.creditbridge.recognition.domain.DecisionReason;
import eu.creditbridge.recognition.domain.EctsCredits;
import eu.creditbridge.recognition.domain.GradeConversion;
import eu.creditbridge.recognition.domain.Institution;
import eu.creditbridge.recognition.domain.Outcome;
import eu.creditbridge.recognition.domain.RecognitionCase;
import eu.creditbridge.recognition.domain.RecognitionPolicy;
import eu.creditbridge.recognition.domain.RecognitionTarget;
import eu.creditbridge.recognition.domain.Ruleset;
import eu.creditbridge.recognition.domain.SignatureVerdict;
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
 *   <li>issuer-registered, ruleset, membership (suspended on the issue date), signature (anything but a VALID
 *       {@link SignatureVerdict}): as the foundation policy —
 *       none of them is ever overruled by a rule, so an untrusted credential never reaches the rules;</li>
 *   <li>grade-conversion: the ruleset's method for the partner (or its default) through {@link GradeConverter};</li>
 *   <li>the rules by priority, lower first; the ruleset's course-equivalence table counts as a rule of priority
 *       {@value #EQUIVALENCE_PRIORITY} and its elective category as one of priority {@value #ELECTIVE_PRIORITY}.
 *       The first matching rule whose action can decide wins; every rule is still evaluated and recorded.</li>
 * </ol>
 * An action that cannot decide (an n:1 equivalence still missing parts, an elective cap already reached) is
 * recorded and the next rule is tried; if none decides, a registrar does (NEEDS_REVIEW).
 */
public final class RulesetPolicy implements RecognitionPolicy {

    public static final int EQUIVALENCE_PRIORITY = 100;
    public static final int ELECTIVE_PRIORITY = 900;

    private final GradeConverter converter;
    private final LearnerContext.Source learners;
    private final Clock clock;

    public RulesetPolicy(GradeConverter converter, LearnerContext.Source learners, Clock clock) {
        this.converter = converter;
        this.learners = learners;
        this.clock = clock;
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
        if (recognitionCase.ruleset().isEmpty()) {
            reasons.add(DecisionReason.decisive("ruleset", receiver.schacCode() + " has not published a recognition ruleset; a registrar decides."));
            return refused(Outcome.NEEDS_REVIEW, GradeConversion.notConverted(credential.grade()), reasons, version);
        }
        Ruleset ruleset = recognitionCase.ruleset().get();
        reasons.add(DecisionReason.considered("ruleset", "Ruleset version " + ruleset.version() + " of " + receiver.schacCode() + " applied."));

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

        Optional<GradeConversionSetting> setting = ruleset.gradeConversionFor(credential.issuingInstitution());
        Optional<ConvertedGrade> converted = credential.grade().map(grade -> converter.convert(grade, InstitutionGrading.of(issuer),
                InstitutionGrading.of(receiver), preference(setting)));
        GradeConversion grade = converted.map(ConvertedGrade::toGradeConversion).orElse(GradeConversion.NO_GRADE);
        DecisionReason gradeReason = converted.map(ConvertedGrade::reason)
                .orElse(DecisionReason.considered("grade-conversion", "The credential carries no grade."));
        if (setting.isPresent() && setting.get().method() == GradeConversionSetting.Method.PASS_FAIL && credential.grade().isPresent()) {
            // The ruleset says this partner's results count as pass/fail: keep the grade, convert nothing numeric.
            grade = GradeConversion.notConverted(credential.grade());
            gradeReason = DecisionReason.considered("grade-conversion", "Ruleset version " + ruleset.version() + " counts grades of "
                    + credential.issuingInstitution() + " as pass/fail: the grade " + credential.grade().get().value() + " ("
                    + credential.grade().get().scheme() + ") is kept as issued and not converted.");
        }

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

        Optional<Decision> decided = Optional.empty();
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
            decided = Optional.of(new Decision(verdict.outcome().get(), verdict.credits(), verdict.target(), grade,
                    withGrade(reasons, gradeReason), version));
        }
        if (decided.isPresent()) {
            return decided.get();
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
                            + " together; still missing " + missing + ", so it is not recognised yet");
                }
                return new Verdict(Optional.of(Outcome.RECOGNISED), credential.credits(), Optional.of(target), "the last of "
                        + course.requiredPartnerCourses() + " has arrived; together they are " + target.describe() + ", "
                        + credential.credits() + " ECTS of this credential recognised.");
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
        // SEAM: the recognition Credential does not carry assessment type, identity verification, quality assurance,
        // participation form or ISCED field yet; they read as '' until ContractMapping maps them (see README).
        RuleFacts.CredentialFacts credentialFacts = new RuleFacts.CredentialFacts(credential.issuingInstitution().value(),
                credential.sourceCourseCode().orElse(""), credential.title(), credential.credits().value().doubleValue(),
                credential.eqfLevel().orElse(0), "", "", "", "", on,
                credential.grade().map(g -> g.value()).orElse(""), credential.grade().map(g -> g.scheme()).orElse(""),
                credential.grade().map(g -> g.passed()).orElse(true), "");
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
