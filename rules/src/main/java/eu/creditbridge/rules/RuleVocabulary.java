package eu.creditbridge.rules;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one list of what a rule condition may name: variables (declared by their full dotted name, so a typo
 * such as {@code credential.ectz} is refused when the ruleset is saved) and helper functions. The registry
 * checks conditions against it and recognition evaluates them against it, so the two can never disagree.
 */
public final class RuleVocabulary {

    /** A variable a condition may read. */
    public record Variable(String name, CelType type, String doc) {
    }

    /** A helper function a condition may call, with its overloads (id, parameter types). */
    public record Helper(String name, String signature, String doc) {
    }

    static final List<Variable> VARIABLES = List.of(
            new Variable("credential.issuer", SimpleType.STRING, "SCHAC code of the issuing institution"),
            new Variable("credential.courseCode", SimpleType.STRING, "the issuer's course code ('' if none)"),
            new Variable("credential.title", SimpleType.STRING, "title of the credential"),
            new Variable("credential.ects", SimpleType.DOUBLE, "ECTS credits"),
            new Variable("credential.eqfLevel", SimpleType.INT, "EQF level 1-8 (0 if not stated)"),
            new Variable("credential.assessmentType", SimpleType.STRING, "WRITTEN_EXAM, ORAL_EXAM, PRACTICAL_DEMONSTRATION, PROJECT, PORTFOLIO, CONTINUOUS_ASSESSMENT, OTHER"),
            new Variable("credential.identityVerification", SimpleType.STRING, "UNSUPERVISED_NO_IDENTITY_CHECK, SUPERVISED_NO_IDENTITY_CHECK, SUPERVISED_ONLINE_WITH_IDENTITY_CHECK, SUPERVISED_ON_SITE_WITH_IDENTITY_CHECK ('' if not stated)"),
            new Variable("credential.qualityAssurance", SimpleType.STRING, "INTERNAL_INSTITUTIONAL, EXTERNAL_EQAR_AGENCY, PROGRAMME_ACCREDITATION, OTHER"),
            new Variable("credential.participationForm", SimpleType.STRING, "ONLINE, ON_SITE, BLENDED"),
            new Variable("credential.issuedOn", SimpleType.STRING, "issue date as ISO text (compare with '2024-09-01')"),
            new Variable("credential.grade", SimpleType.STRING, "the grade as issued ('' if none)"),
            new Variable("credential.gradeScheme", SimpleType.STRING, "the issuer's grading scheme ('' if no grade)"),
            new Variable("credential.passed", SimpleType.BOOL, "false only for a failed grade"),
            new Variable("credential.iscedField", SimpleType.STRING, "ISCED-F 2013 field code ('' if none)"),
            new Variable("issuer.schac", SimpleType.STRING, "SCHAC code of the issuer"),
            new Variable("issuer.country", SimpleType.STRING, "ISO country code of the issuer"),
            new Variable("issuer.alliances", ListType.create(SimpleType.STRING), "alliance ids the issuer was an active member of on the issue date"),
            new Variable("learner.totalEcts", SimpleType.DOUBLE, "ECTS recognised for the learner so far"),
            new Variable("learner.perCategory", MapType.create(SimpleType.STRING, SimpleType.DOUBLE),
                    "ECTS recognised so far per elective category (the learner record's totals.perCategory)"),
            new Variable("learner.perLocalCourse", MapType.create(SimpleType.STRING, SimpleType.DOUBLE),
                    "ECTS recognised so far per local course (the learner record's totals.perLocalCourse); 'X' in learner.perLocalCourse"
                            + " asks whether course X is already recognised"),
            // The names these had before they took the learner record's: kept, so rulesets already published compile.
            new Variable("learner.categoryEcts", MapType.create(SimpleType.STRING, SimpleType.DOUBLE), "older name of learner.perCategory"),
            new Variable("learner.localCourses", ListType.create(SimpleType.STRING), "older name: the keys of learner.perLocalCourse"));

    static final List<Helper> HELPERS = List.of(
            new Helper("sharedActiveAlliance", "sharedActiveAlliance() -> bool, sharedActiveAlliance(string allianceId) -> bool",
                    "issuer and receiver were both active members of an (the named) alliance on the issue date"),
            new Helper("eqfAtLeast", "eqfAtLeast(int) -> bool", "the credential states an EQF level of at least n"),
            new Helper("ectsBetween", "ectsBetween(number, number) -> bool", "a <= credential.ects <= b"),
            new Helper("ageInDays", "ageInDays() -> int", "days from the issue date to the decision"),
            new Helper("convertedGradeAtLeast", "convertedGradeAtLeast(number) -> bool",
                    "the grade converted into our scheme is at least as good as x (false without a numeric conversion)"),
            new Helper("assessedWithIdentityCheck", "assessedWithIdentityCheck() -> bool",
                    "assessment was supervised with an identity check (online or on site)"),
            new Helper("categoryEcts", "categoryEcts(string) -> double", "ECTS the learner already has in a category"));

    private RuleVocabulary() {
    }

    public static List<Variable> variables() {
        return VARIABLES;
    }

    public static List<Helper> helpers() {
        return HELPERS;
    }

    static final Set<String> HELPER_NAMES = Set.of("sharedActiveAlliance", "eqfAtLeast", "ectsBetween", "ageInDays",
            "convertedGradeAtLeast", "assessedWithIdentityCheck", "categoryEcts");

    static List<CelFunctionDecl> functionDeclarations() {
        return List.of(
                CelFunctionDecl.newFunctionDeclaration("sharedActiveAlliance",
                        CelOverloadDecl.newGlobalOverload("sharedActiveAlliance", SimpleType.BOOL),
                        CelOverloadDecl.newGlobalOverload("sharedActiveAlliance_string", SimpleType.BOOL, SimpleType.STRING)),
                CelFunctionDecl.newFunctionDeclaration("eqfAtLeast",
                        CelOverloadDecl.newGlobalOverload("eqfAtLeast_int", SimpleType.BOOL, SimpleType.INT)),
                CelFunctionDecl.newFunctionDeclaration("ectsBetween",
                        CelOverloadDecl.newGlobalOverload("ectsBetween_double_double", SimpleType.BOOL, SimpleType.DOUBLE, SimpleType.DOUBLE),
                        CelOverloadDecl.newGlobalOverload("ectsBetween_int_int", SimpleType.BOOL, SimpleType.INT, SimpleType.INT)),
                CelFunctionDecl.newFunctionDeclaration("ageInDays",
                        CelOverloadDecl.newGlobalOverload("ageInDays", SimpleType.INT)),
                CelFunctionDecl.newFunctionDeclaration("convertedGradeAtLeast",
                        CelOverloadDecl.newGlobalOverload("convertedGradeAtLeast_double", SimpleType.BOOL, SimpleType.DOUBLE),
                        CelOverloadDecl.newGlobalOverload("convertedGradeAtLeast_int", SimpleType.BOOL, SimpleType.INT)),
                CelFunctionDecl.newFunctionDeclaration("assessedWithIdentityCheck",
                        CelOverloadDecl.newGlobalOverload("assessedWithIdentityCheck", SimpleType.BOOL)),
                CelFunctionDecl.newFunctionDeclaration("categoryEcts",
                        CelOverloadDecl.newGlobalOverload("categoryEcts_string", SimpleType.DOUBLE, SimpleType.STRING)));
    }

    /**
     * Every helper by its function name and by each overload id: CEL's planning runtime resolves a call when the program
     * is planned, and accepts a helper bound only per evaluation (late) when it is named here.
     */
    static List<String> lateBoundNames() {
        List<String> names = new ArrayList<>();
        for (CelFunctionDecl function : functionDeclarations()) {
            names.add(function.name());
            function.overloads().forEach(overload -> names.add(overload.overloadId()));
        }
        return names;
    }

    /** The helpers bound to one credential's facts: late-bound, because what they answer depends on the case. */
    static List<CelFunctionBinding> bindings(RuleFacts facts) {
        RuleFacts.CredentialFacts credential = facts.credential();
        return List.of(
                CelFunctionBinding.from("sharedActiveAlliance", List.of(), args -> !facts.sharedActiveAlliances().isEmpty()),
                CelFunctionBinding.from("sharedActiveAlliance_string", String.class, id -> facts.sharedActiveAlliances().contains(id)),
                CelFunctionBinding.from("eqfAtLeast_int", Long.class, n -> credential.eqfLevel() > 0 && credential.eqfLevel() >= n),
                CelFunctionBinding.from("ectsBetween_double_double", Double.class, Double.class,
                        (a, b) -> credential.ects() >= a && credential.ects() <= b),
                CelFunctionBinding.from("ectsBetween_int_int", Long.class, Long.class,
                        (a, b) -> credential.ects() >= a && credential.ects() <= b),
                CelFunctionBinding.from("ageInDays", List.of(), args -> facts.ageInDays()),
                CelFunctionBinding.from("convertedGradeAtLeast_double", Double.class,
                        x -> facts.convertedGrade().map(grade -> grade.atLeast(x)).orElse(false)),
                CelFunctionBinding.from("convertedGradeAtLeast_int", Long.class,
                        x -> facts.convertedGrade().map(grade -> grade.atLeast(x)).orElse(false)),
                CelFunctionBinding.from("assessedWithIdentityCheck", List.of(),
                        args -> credential.identityVerification().endsWith("_WITH_IDENTITY_CHECK")),
                CelFunctionBinding.from("categoryEcts_string", String.class,
                        category -> facts.learner().perCategory().getOrDefault(category, 0.0)));
    }

    /**
     * The value of one of {@link #VARIABLES} for the facts, in CEL's types (int as long), or empty for a name not in the
     * vocabulary. Read when a condition names it, so a credential's evaluation builds no map of every variable.
     */
    static Optional<Object> value(RuleFacts facts, String name) {
        RuleFacts.CredentialFacts c = facts.credential();
        Object value = switch (name) {
            case "credential.issuer" -> c.issuer();
            case "credential.courseCode" -> c.courseCode();
            case "credential.title" -> c.title();
            case "credential.ects" -> c.ects();
            case "credential.eqfLevel" -> (long) c.eqfLevel();
            case "credential.assessmentType" -> c.assessmentType();
            case "credential.identityVerification" -> c.identityVerification();
            case "credential.qualityAssurance" -> c.qualityAssurance();
            case "credential.participationForm" -> c.participationForm();
            case "credential.issuedOn" -> c.issuedOn().toString();
            case "credential.grade" -> c.grade();
            case "credential.gradeScheme" -> c.gradeScheme();
            case "credential.passed" -> c.passed();
            case "credential.iscedField" -> c.iscedField();
            case "issuer.schac" -> facts.issuer().schac();
            case "issuer.country" -> facts.issuer().country();
            case "issuer.alliances" -> facts.issuer().activeAlliances();
            case "learner.totalEcts" -> facts.learner().totalEcts();
            case "learner.perCategory", "learner.categoryEcts" -> facts.learner().perCategory();
            case "learner.perLocalCourse" -> facts.learner().perLocalCourse();
            case "learner.localCourses" -> facts.learner().localCourses();
            default -> null;
        };
        return Optional.ofNullable(value);
    }

    static List<String> variableNames() {
        return new ArrayList<>(VARIABLES.stream().map(Variable::name).toList());
    }
}
