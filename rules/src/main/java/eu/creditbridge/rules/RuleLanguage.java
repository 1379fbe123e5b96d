package eu.creditbridge.rules;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelUnparser;
import dev.cel.parser.CelUnparserFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelLateFunctionBindings;
import dev.cel.runtime.CelVariableResolver;
import dev.cel.runtime.Program;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Google's Common Expression Language with the recognition vocabulary: compiles (parses and type-checks) rule
 * conditions and evaluates them. CEL has no loops beyond bounded macros, no I/O and no side effects, and the
 * limits below bound what one condition may cost, so a ruleset author cannot make recognition run arbitrary code.
 * Thread-safe: one instance serves every thread.
 */
public final class RuleLanguage {

    /** Longest condition accepted, in characters. */
    public static final int MAX_CONDITION_LENGTH = 2_000;
    private static final int MAX_COMPREHENSION_ITERATIONS = 1_000;
    private static final int MAX_NESTING = 32;
    private static final int MAX_REGEX_PROGRAM_SIZE = 200;

    private static final RuleLanguage STANDARD = new RuleLanguage();

    private final Cel cel;
    private final CelUnparser unparser = CelUnparserFactory.newUnparser();

    private RuleLanguage() {
        var builder = CelFactory.standardCelBuilder()
                .setOptions(CelOptions.current()
                        .maxExpressionCodePointSize(MAX_CONDITION_LENGTH)
                        .maxParseRecursionDepth(MAX_NESTING)
                        .comprehensionMaxIterations(MAX_COMPREHENSION_ITERATIONS)
                        .maxRegexProgramSize(MAX_REGEX_PROGRAM_SIZE)
                        .enableHeterogeneousNumericComparisons(true)
                        .build())
                .addFunctionDeclarations(RuleVocabulary.functionDeclarations())
                .setResultType(SimpleType.BOOL);
        RuleVocabulary.VARIABLES.forEach(variable -> builder.addVar(variable.name(), variable.type()));
        this.cel = builder.build();
    }

    public static RuleLanguage standard() {
        return STANDARD;
    }

    /** A problem found while compiling a condition, at a 1-based line and column of the condition text. */
    public record ConditionProblem(int line, int column, String message) {

        public String describe() {
            return "line " + line + ", column " + column + ": " + message;
        }
    }

    /** Either a compiled condition or the problems that stop it compiling. */
    public sealed interface Compilation permits Compiled, Refused {
    }

    public record Compiled(CompiledCondition condition) implements Compilation {
    }

    public record Refused(List<ConditionProblem> problems) implements Compilation {
    }

    public Compilation compile(String condition) {
        Objects.requireNonNull(condition, "condition");
        CelValidationResult result;
        try {
            result = cel.compile(condition);
        } catch (RuntimeException unexpected) {
            return new Refused(List.of(new ConditionProblem(1, 1, String.valueOf(unexpected.getMessage()))));
        }
        if (result.hasError()) {
            List<ConditionProblem> problems = new ArrayList<>();
            for (CelIssue issue : result.getErrors()) {
                problems.add(new ConditionProblem(Math.max(1, issue.getSourceLocation().getLine()),
                        issue.getSourceLocation().getColumn() + 1, issue.getMessage()));
            }
            return new Refused(problems);
        }
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            Program program = cel.createProgram(ast);
            List<Conjunct> conjuncts = new ArrayList<>();
            List<CelExpr> parts = ConditionShape.conjuncts(ast.getExpr());
            if (parts.size() > 1) {
                for (CelExpr part : parts) {
                    String text = unparser.unparse(CelAbstractSyntaxTree.newParsedAst(part, ast.getSource()));
                    conjuncts.add(new Conjunct(text, cel.createProgram(cel.compile(text).getAst())));
                }
            }
            return new Compiled(new CompiledCondition(condition, ast, program, conjuncts));
        } catch (Exception e) {
            return new Refused(List.of(new ConditionProblem(1, 1, String.valueOf(e.getMessage()))));
        }
    }

    /** The values and helper bindings of one credential, prepared once and used for every rule of a ruleset. */
    public Evaluation evaluation(RuleFacts facts) {
        return new Evaluation(RuleVocabulary.values(facts), CelLateFunctionBindings.from(RuleVocabulary.bindings(facts)));
    }

    /** A condition ready to evaluate; its top-level conjuncts are kept separately to explain a non-match. */
    public record CompiledCondition(String source, CelAbstractSyntaxTree ast, Program program, List<Conjunct> conjuncts) {
    }

    record Conjunct(String text, Program program) {
    }

    /** Result of a condition for one credential: matched, or not and why. */
    public record Verdict(boolean matched, boolean failed, String explanation) {
    }

    /**
     * One credential's values, resolved by name where CEL asks for them: handing CEL the map itself would have it copy
     * the map into an immutable one on every evaluation (a third of a decision's time with 50 rules, found by JFR).
     * One per credential, used by one thread.
     */
    public static final class Evaluation {

        private final CelVariableResolver values;
        private final CelLateFunctionBindings bindings;
        /**
         * Conjuncts already evaluated for this credential, by their text: rules generated from one table share most of
         * theirs ({@code credential.issuer == 'uni.lodz.pl'} in every rule of that partner), and a CEL expression has no
         * side effects and reads only this credential's facts, so its value is the same each time.
         */
        private final Map<String, Boolean> known = new HashMap<>();

        private Evaluation(Map<String, Object> values, CelLateFunctionBindings bindings) {
            this.values = name -> Optional.ofNullable(values.get(name));
            this.bindings = bindings;
        }

        /**
         * A condition of several conjuncts is evaluated conjunct by conjunct, once each: the first false one is the
         * explanation, and the whole condition is never evaluated a second time. CEL's {@code &&} is false as soon as
         * any conjunct is false, even when another cannot be evaluated; the same holds here, in the conjuncts' order.
         */
        public Verdict test(CompiledCondition condition) {
            if (condition.conjuncts().isEmpty()) {
                try {
                    return isTrue(condition.source(), condition.program())
                            ? new Verdict(true, false, "condition `" + condition.source() + "` holds")
                            : new Verdict(false, false, "condition `" + condition.source() + "` is false");
                } catch (CelEvaluationException | RuntimeException e) {
                    return unevaluable(e);
                }
            }
            Exception firstFailure = null;
            for (Conjunct conjunct : condition.conjuncts()) {
                try {
                    if (!isTrue(conjunct.text(), conjunct.program())) {
                        return new Verdict(false, false, "`" + conjunct.text() + "` is false");
                    }
                } catch (CelEvaluationException | RuntimeException e) {
                    firstFailure = firstFailure == null ? e : firstFailure;
                }
            }
            return firstFailure == null ? new Verdict(true, false, "condition `" + condition.source() + "` holds") : unevaluable(firstFailure);
        }

        /** A condition that cannot be evaluated never grants anything: it is reported and treated as not matching. */
        private static Verdict unevaluable(Exception e) {
            return new Verdict(false, true, "condition could not be evaluated: " + e.getMessage());
        }

        private boolean isTrue(String text, Program program) throws CelEvaluationException {
            Boolean value = known.get(text);
            if (value == null) {
                value = Boolean.TRUE.equals(program.eval(values, bindings));
                known.put(text, value);
            }
            return value;
        }
    }
}
