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
        var builder = CelFactory.plannerCelBuilder()
                .setOptions(CelOptions.current()
                        .maxExpressionCodePointSize(MAX_CONDITION_LENGTH)
                        .maxParseRecursionDepth(MAX_NESTING)
                        .comprehensionMaxIterations(MAX_COMPREHENSION_ITERATIONS)
                        .maxRegexProgramSize(MAX_REGEX_PROGRAM_SIZE)
                        .enableHeterogeneousNumericComparisons(true)
                        .build())
                .addFunctionDeclarations(RuleVocabulary.functionDeclarations())
                .addLateBoundFunctions(RuleVocabulary.lateBoundNames())
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
                    CelAbstractSyntaxTree checked = cel.compile(text).getAst();
                    conjuncts.add(new Conjunct(text, cel.createProgram(checked), ConditionShape.StringEquality.of(checked.getExpr()),
                            new Verdict(false, false, "`" + text + "` is false")));
                }
            }
            return new Compiled(new CompiledCondition(condition, ast, program, ConditionShape.StringEquality.of(ast.getExpr()), conjuncts));
        } catch (Exception e) {
            return new Refused(List.of(new ConditionProblem(1, 1, String.valueOf(e.getMessage()))));
        }
    }

    /**
     * The values and helper bindings of one credential, prepared once and used for every rule of a ruleset.
     *
     * @param memo where the conditions' conjuncts are remembered (see {@link Evaluation})
     */
    Evaluation evaluation(RuleFacts facts, ConjunctMemo memo) {
        return new Evaluation(facts, CelLateFunctionBindings.from(RuleVocabulary.bindings(facts)), memo);
    }

    /** One condition alone against the facts, as a ruleset's evaluation would judge it. */
    Verdict test(CompiledCondition condition, RuleFacts facts) {
        ConjunctMemo memo = new ConjunctMemo();
        int[] slots = memo.slotsOf(condition);
        return evaluation(facts, memo).test(condition, slots);
    }

    /**
     * A condition ready to evaluate; its top-level conjuncts are kept separately to explain a non-match. The verdicts that
     * do not depend on the credential are formed here, once, not per evaluation.
     */
    public record CompiledCondition(String source, CelAbstractSyntaxTree ast, Program program,
                                    Optional<ConditionShape.StringEquality> equality, List<Conjunct> conjuncts, Verdict holds, Verdict isFalse) {

        CompiledCondition(String source, CelAbstractSyntaxTree ast, Program program, Optional<ConditionShape.StringEquality> equality,
                          List<Conjunct> conjuncts) {
            this(source, ast, program, equality, List.copyOf(conjuncts), new Verdict(true, false, "condition `" + source + "` holds"),
                    new Verdict(false, false, "condition `" + source + "` is false"));
        }

        /** What the evaluation remembers: the conjuncts' texts, or the whole condition's when it has one part. */
        List<String> memoKeys() {
            return conjuncts.isEmpty() ? List.of(source) : conjuncts.stream().map(Conjunct::text).toList();
        }
    }

    /**
     * @param equality the conjunct read as one comparison of a text variable, where it is one
     * @param isFalse  the verdict of a condition this conjunct is the first false one of
     */
    record Conjunct(String text, Program program, Optional<ConditionShape.StringEquality> equality, Verdict isFalse) {
    }

    /**
     * Result of a condition for one credential: matched, or not and why.
     *
     * @param notMatched the sentence a decision's trace gives a rule that did not match, formed with the verdict: the
     *                   verdicts that do not depend on the credential are formed once per condition, so neither is
     *                   built again for each credential (JFR found the strings of 50 rules in a decision's time)
     */
    public record Verdict(boolean matched, boolean failed, String explanation, String notMatched) {

        public Verdict(boolean matched, boolean failed, String explanation) {
            this(matched, failed, explanation, notMatched(explanation));
        }

        static String notMatched(String explanation) {
            return "Not matched: " + explanation + ".";
        }
    }

    /**
     * A number per distinct conjunct text of one ruleset, given when it is compiled: rules generated from one table share
     * most of their conjuncts ({@code credential.issuer == 'uni.lodz.pl'} in every rule of that partner), and a CEL
     * expression has no side effects and reads only the credential's facts, so each is evaluated once per credential and
     * remembered in a slot of an array, not a map keyed by its text.
     */
    static final class ConjunctMemo {

        private final Map<String, Integer> slots = new HashMap<>();

        /** The slots of a condition's memo keys, in order. */
        int[] slotsOf(CompiledCondition condition) {
            return condition.memoKeys().stream().mapToInt(text -> slots.computeIfAbsent(text, key -> slots.size())).toArray();
        }

        int size() {
            return slots.size();
        }
    }

    /**
     * One credential's values, resolved by name where CEL asks for them (handing CEL a map would have it copy the map
     * on every evaluation), and the conjuncts already evaluated for it. One per credential, used by one thread.
     */
    public static final class Evaluation {

        private static final byte UNKNOWN = 0;
        private static final byte FALSE = 1;
        private static final byte TRUE = 2;

        private final RuleFacts facts;
        private final CelVariableResolver values;
        private final CelLateFunctionBindings bindings;
        private final byte[] known;

        private Evaluation(RuleFacts facts, CelLateFunctionBindings bindings, ConjunctMemo memo) {
            this.facts = facts;
            this.values = name -> RuleVocabulary.value(facts, name);
            this.bindings = bindings;
            this.known = new byte[memo.size()];
        }

        /**
         * A condition of several conjuncts is evaluated conjunct by conjunct, once each: the first false one is the
         * explanation, and the whole condition is never evaluated a second time. CEL's {@code &&} is false as soon as
         * any conjunct is false, even when another cannot be evaluated; the same holds here, in the conjuncts' order.
         *
         * @param slots the condition's memo slots ({@link ConjunctMemo#slotsOf})
         */
        Verdict test(CompiledCondition condition, int[] slots) {
            if (condition.conjuncts().isEmpty()) {
                try {
                    return isTrue(slots[0], condition.program(), condition.equality()) ? condition.holds() : condition.isFalse();
                } catch (CelEvaluationException | RuntimeException e) {
                    return unevaluable(e);
                }
            }
            Exception firstFailure = null;
            List<Conjunct> conjuncts = condition.conjuncts();
            for (int i = 0; i < conjuncts.size(); i++) {
                Conjunct conjunct = conjuncts.get(i);
                try {
                    if (!isTrue(slots[i], conjunct.program(), conjunct.equality())) {
                        return conjunct.isFalse();
                    }
                } catch (CelEvaluationException | RuntimeException e) {
                    firstFailure = firstFailure == null ? e : firstFailure;
                }
            }
            return firstFailure == null ? condition.holds() : unevaluable(firstFailure);
        }

        /** A condition that cannot be evaluated never grants anything: it is reported and treated as not matching. */
        private static Verdict unevaluable(Exception e) {
            return new Verdict(false, true, "condition could not be evaluated: " + e.getMessage());
        }

        /**
         * An erroring conjunct is not remembered: it errs again, and the error is reported each time. A comparison of a
         * text variable with a text is decided without CEL's interpreter: most conjuncts of a generated ruleset are that
         * ({@code credential.issuer == 'uni.lodz.pl'}), and CEL's runtime, converting values in and out, cost several
         * times the comparison (JFR). {@code RuleLanguageTest} holds the two to the same answers.
         */
        private boolean isTrue(int slot, Program program, Optional<ConditionShape.StringEquality> equality) throws CelEvaluationException {
            byte value = known[slot];
            if (value == UNKNOWN) {
                Object read = equality.isPresent() ? RuleVocabulary.value(facts, equality.get().variable()).orElse(null) : null;
                boolean holds = read instanceof String text ? text.equals(equality.get().text()) : Boolean.TRUE.equals(program.eval(values, bindings));
                value = holds ? TRUE : FALSE;
                known[slot] = value;
            }
            return value == TRUE;
        }

        /** CEL's own answer, for tests that hold the shortcut to it. */
        boolean celSays(Program program) throws CelEvaluationException {
            return Boolean.TRUE.equals(program.eval(values, bindings));
        }
    }
}
