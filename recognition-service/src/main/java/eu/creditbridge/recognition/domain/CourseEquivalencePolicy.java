package eu.creditbridge.recognition.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The foundation policy: the receiver's course-equivalence table, then alliance electives, else a registrar.
 * <ol>
 *   <li>issuer-registered: an issuer the registry does not list goes to a registrar (NEEDS_REVIEW), not to
 *       REJECTED: the registry view may simply not have heard of it yet, and a refusal is a judgement on the
 *       learner that missing data in our own view does not justify;</li>
 *   <li>ruleset: without a published ruleset nothing is automatic;</li>
 *   <li>membership: an issuer suspended from an alliance on the issue date is never recognised automatically;</li>
 *   <li>signature: anything but a VALID signature verdict (unsigned, malformed, unknown key, key not valid at the
 *       issue date, forged or tampered) goes to a registrar with the verdict's reason;</li>
 *   <li>grade: a failed result earns no credits (REJECTED);</li>
 *   <li>course-equivalence: partner + course code listed and in force on the issue date gives the local course
 *       with the full ECTS;</li>
 *   <li>alliance-electives: an elective category and an alliance both were active in on the issue date gives
 *       credits in that category;</li>
 *   <li>otherwise a registrar decides.</li>
 * </ol>
 * Every step evaluated is in the trace, decisive or not; the grade is converted only within one scheme for now.
 */
public final class CourseEquivalencePolicy implements RecognitionPolicy {

    static final String ISSUER_REGISTERED = "issuer-registered";
    static final String RULESET = "ruleset";
    static final String MEMBERSHIP = "membership";
    static final String SIGNATURE = "signature";
    static final String GRADE_PASSED = "grade-passed";
    static final String COURSE_EQUIVALENCE = "course-equivalence";
    static final String ALLIANCE_ELECTIVES = "alliance-electives";
    static final String REGISTRAR_REVIEW = "registrar-review";
    static final String GRADE_CONVERSION = "grade-conversion";

    @Override
    public Decision decide(RecognitionCase recognitionCase) {
        Credential credential = recognitionCase.credential();
        Institution receiver = recognitionCase.receiver();
        List<DecisionReason> reasons = new ArrayList<>();
        List<DecisionReason> gradeTrace = new ArrayList<>();
        GradeConversion grade = convertGrade(credential, receiver, gradeTrace);
        Optional<Integer> version = recognitionCase.ruleset().map(Ruleset::version);

        if (recognitionCase.issuer().isEmpty()) {
            reasons.add(DecisionReason.decisive(ISSUER_REGISTERED, "The issuing institution " + credential.issuingInstitution()
                    + " is not listed in the alliance registry, so nothing about it can be trusted automatically; a registrar decides."));
            return notAutomatic(Outcome.NEEDS_REVIEW, grade, withGrade(reasons, gradeTrace), version);
        }
        Institution issuer = recognitionCase.issuer().get();
        reasons.add(DecisionReason.considered(ISSUER_REGISTERED,
                "The issuing institution " + issuer.schacCode() + " (" + issuer.name() + ") is listed in the alliance registry."));

        if (recognitionCase.ruleset().isEmpty()) {
            reasons.add(DecisionReason.decisive(RULESET, receiver.schacCode() + " has not published a recognition ruleset; a registrar decides."));
            return notAutomatic(Outcome.NEEDS_REVIEW, grade, withGrade(reasons, gradeTrace), version);
        }
        Ruleset ruleset = recognitionCase.ruleset().get();
        reasons.add(DecisionReason.considered(RULESET, "Ruleset version " + ruleset.version() + " of " + receiver.schacCode() + " applied."));

        LocalDate issuedOn = credential.issuedOn();
        Set<String> suspended = suspensionsOn(issuer, issuedOn);
        if (!suspended.isEmpty()) {
            reasons.add(DecisionReason.decisive(MEMBERSHIP, issuer.schacCode() + " was suspended from " + String.join(", ", suspended)
                    + " on the issue date " + issuedOn + "; credentials a suspended member issues are never recognised automatically."));
            return notAutomatic(Outcome.NEEDS_REVIEW, grade, withGrade(reasons, gradeTrace), version);
        }
        reasons.add(DecisionReason.considered(MEMBERSHIP, issuer.schacCode() + " was not suspended from any alliance on " + issuedOn + "."));
        // Transport is not trust: only a signature that verifies against the issuer's key at the issue date lets
        // anything below decide automatically.
        SignatureVerdict signature = recognitionCase.signature();
        if (!signature.trusted()) {
            reasons.add(DecisionReason.decisive(SIGNATURE, "Signature " + signature.status() + ": " + signature.reason()
                    + " A credential whose signature does not verify is never recognised automatically; a registrar decides."));
            return notAutomatic(Outcome.NEEDS_REVIEW, grade, withGrade(reasons, gradeTrace), version);
        }
        reasons.add(DecisionReason.considered(SIGNATURE, "Signature VALID: " + signature.reason()));

        if (credential.grade().isPresent() && !credential.grade().get().passed()) {
            Grade failed = credential.grade().get();
            reasons.add(DecisionReason.decisive(GRADE_PASSED, "The grade " + failed.value() + " (" + failed.scheme()
                    + ") is not a passing grade; a failed result earns no credits."));
            return notAutomatic(Outcome.REJECTED, grade, withGrade(reasons, gradeTrace), version);
        }

        Optional<RecognitionTarget> target = matchEquivalence(credential, ruleset, reasons);
        Optional<RecognitionTarget> elective = matchElective(credential, issuer, receiver, ruleset, reasons, target.isEmpty());
        Optional<RecognitionTarget> decided = target.or(() -> elective);
        if (decided.isPresent()) {
            return new Decision(Outcome.RECOGNISED, credential.credits(), decided, grade, withGrade(reasons, gradeTrace), version);
        }
        reasons.add(DecisionReason.decisive(REGISTRAR_REVIEW, "No rule of ruleset version " + ruleset.version()
                + " recognises this credential automatically; a registrar decides."));
        return notAutomatic(Outcome.NEEDS_REVIEW, grade, withGrade(reasons, gradeTrace), version);
    }

    private static Optional<RecognitionTarget> matchEquivalence(Credential credential, Ruleset ruleset, List<DecisionReason> reasons) {
        if (credential.sourceCourseCode().isEmpty()) {
            reasons.add(DecisionReason.considered(COURSE_EQUIVALENCE,
                    "The credential carries no source course code, so no course equivalence can match."));
            return Optional.empty();
        }
        String courseCode = credential.sourceCourseCode().get();
        List<CourseEquivalence> listed = ruleset.courseEquivalences().stream()
                .filter(equivalence -> equivalence.isFor(credential.issuingInstitution(), courseCode))
                .toList();
        if (listed.isEmpty()) {
            reasons.add(DecisionReason.considered(COURSE_EQUIVALENCE, "No course equivalence lists " + credential.issuingInstitution()
                    + " course " + courseCode + "."));
            return Optional.empty();
        }
        Optional<CourseEquivalence> inForce = listed.stream().filter(equivalence -> equivalence.appliesOn(credential.issuedOn())).findFirst();
        if (inForce.isEmpty()) {
            reasons.add(DecisionReason.considered(COURSE_EQUIVALENCE, "Course equivalence "
                    + listed.stream().map(CourseEquivalence::describe).collect(Collectors.joining("; "))
                    + " does not apply to the issue date " + credential.issuedOn() + "."));
            return Optional.empty();
        }
        CourseEquivalence equivalence = inForce.get();
        RecognitionTarget target = RecognitionTarget.localCourse(equivalence.localCourseCode(), equivalence.localCourseTitle());
        reasons.add(DecisionReason.decisive(COURSE_EQUIVALENCE, "Course equivalence " + equivalence.describe() + " applies to the issue date "
                + credential.issuedOn() + ": recognised as " + target.describe() + " with the full " + credential.credits() + " ECTS."));
        return Optional.of(target);
    }

    private static Optional<RecognitionTarget> matchElective(Credential credential, Institution issuer, Institution receiver, Ruleset ruleset,
                                                             List<DecisionReason> reasons, boolean stillOpen) {
        String already = stillOpen ? "" : " (not needed: a course equivalence already decided)";
        if (ruleset.electiveCategory().isEmpty()) {
            reasons.add(DecisionReason.considered(ALLIANCE_ELECTIVES, "Ruleset version " + ruleset.version()
                    + " names no elective credit category." + already));
            return Optional.empty();
        }
        String category = ruleset.electiveCategory().get();
        Set<String> shared = issuer.activeAlliancesSharedWith(receiver, credential.issuedOn());
        if (shared.isEmpty()) {
            reasons.add(DecisionReason.considered(ALLIANCE_ELECTIVES, issuer.schacCode() + " and " + receiver.schacCode()
                    + " were not active members of a common alliance on " + credential.issuedOn()
                    + ", so the credits do not count as " + category + "." + already));
            return Optional.empty();
        }
        String because = issuer.schacCode() + " and " + receiver.schacCode() + " were active members of " + String.join(", ", shared)
                + " on " + credential.issuedOn();
        if (!stillOpen) {
            reasons.add(DecisionReason.considered(ALLIANCE_ELECTIVES, because + "; the credits could count as " + category + already));
            return Optional.empty();
        }
        RecognitionTarget target = RecognitionTarget.creditCategory(category);
        reasons.add(DecisionReason.decisive(ALLIANCE_ELECTIVES, because + ": " + credential.credits() + " ECTS recognised as "
                + target.describe() + "."));
        return Optional.of(target);
    }

    /** Alliances the issuer was suspended from on the date (a membership it had begun, but not in good standing). */
    private static Set<String> suspensionsOn(Institution issuer, LocalDate on) {
        return issuer.memberships().stream()
                .filter(membership -> !on.isBefore(membership.memberSince()) && !membership.activeOn(on))
                .map(AllianceMembership::allianceName)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static GradeConversion convertGrade(Credential credential, Institution receiver, List<DecisionReason> reasons) {
        if (credential.grade().isEmpty()) {
            reasons.add(DecisionReason.considered(GRADE_CONVERSION, "The credential carries no grade."));
            return GradeConversion.NO_GRADE;
        }
        Grade original = credential.grade().get();
        if (original.scheme().equalsIgnoreCase(receiver.gradingScheme())) {
            reasons.add(DecisionReason.considered(GRADE_CONVERSION, "The grade " + original.value() + " is in " + receiver.schacCode()
                    + "'s own grading scheme " + original.scheme() + ", so it is kept as it is."));
            return new GradeConversion(Optional.of(original), Optional.of(original), ConversionMethod.SAME_SCHEME);
        }
        reasons.add(DecisionReason.considered(GRADE_CONVERSION, "The grade " + original.value() + " (" + original.scheme()
                + ") is kept as issued; conversion into " + receiver.gradingScheme() + " is left to a registrar."));
        return GradeConversion.notConverted(Optional.of(original));
    }

    /** The grade step is reported last: it never decides, it only explains what happened to the grade. */
    private static List<DecisionReason> withGrade(List<DecisionReason> reasons, List<DecisionReason> gradeTrace) {
        reasons.addAll(gradeTrace);
        return reasons;
    }

    private static Decision notAutomatic(Outcome outcome, GradeConversion grade, List<DecisionReason> reasons, Optional<Integer> version) {
        return new Decision(outcome, EctsCredits.ZERO, Optional.empty(), grade, reasons, version);
    }
}
