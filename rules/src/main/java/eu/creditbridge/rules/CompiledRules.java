package eu.creditbridge.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A ruleset's rules compiled once (when a version arrives), in evaluation order: priority, then id. Evaluating
 * a credential runs every rule, so the trace can say of each one whether it matched and why.
 */
public final class CompiledRules {

    /**
     * A rule with its compiled condition, or the problems that kept it from compiling.
     *
     * @param memoSlots where an evaluation remembers the condition's conjuncts ({@link RuleLanguage.ConjunctMemo})
     * @param step      what a decision's trace calls the rule ("rule " and its id), formed once
     */
    public record CompiledRule(Rule rule, Optional<RuleLanguage.CompiledCondition> condition, List<RuleLanguage.ConditionProblem> problems,
                               int[] memoSlots, String step) {

        CompiledRule(Rule rule, Optional<RuleLanguage.CompiledCondition> condition, List<RuleLanguage.ConditionProblem> problems, int[] memoSlots) {
            this(rule, condition, problems, memoSlots, "rule " + rule.id());
        }
    }

    public enum Status { MATCHED, NOT_MATCHED, NOT_IN_EFFECT, FAILED }

    /**
     * What one rule said about one credential.
     *
     * @param step       what a decision's trace calls the rule
     * @param notMatched the trace's sentence for the rule when it did not match: "Not matched: " and the explanation
     */
    public record RuleResult(Rule rule, Status status, String explanation, String step, String notMatched) {

        RuleResult(CompiledRule compiled, Status status, String explanation) {
            this(compiled.rule(), status, explanation, compiled.step(), RuleLanguage.Verdict.notMatched(explanation));
        }

        RuleResult(CompiledRule compiled, Status status, RuleLanguage.Verdict verdict) {
            this(compiled.rule(), status, verdict.explanation(), compiled.step(), verdict.notMatched());
        }

        public boolean matched() {
            return status == Status.MATCHED;
        }
    }

    private static final Comparator<Rule> ORDER = Comparator.comparingInt(Rule::priority).thenComparing(Rule::id);

    private final List<CompiledRule> rules;
    private final RuleLanguage language;
    private final RuleLanguage.ConjunctMemo memo;

    private CompiledRules(List<CompiledRule> rules, RuleLanguage language, RuleLanguage.ConjunctMemo memo) {
        this.rules = rules;
        this.language = language;
        this.memo = memo;
    }

    public static CompiledRules compile(List<Rule> rules) {
        RuleLanguage language = RuleLanguage.standard();
        RuleLanguage.ConjunctMemo memo = new RuleLanguage.ConjunctMemo();
        List<CompiledRule> compiled = new ArrayList<>();
        rules.stream().sorted(ORDER).forEach(rule -> {
            RuleLanguage.Compilation compilation = language.compile(rule.condition());
            if (compilation instanceof RuleLanguage.Compiled ok) {
                compiled.add(new CompiledRule(rule, Optional.of(ok.condition()), List.of(), memo.slotsOf(ok.condition())));
            } else {
                compiled.add(new CompiledRule(rule, Optional.empty(), ((RuleLanguage.Refused) compilation).problems(), new int[0]));
            }
        });
        return new CompiledRules(List.copyOf(compiled), language, memo);
    }

    public List<CompiledRule> rules() {
        return rules;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** Every rule's result for the credential, in evaluation order. */
    public List<RuleResult> evaluate(RuleFacts facts) {
        LocalDate issuedOn = facts.credential().issuedOn();
        RuleLanguage.Evaluation evaluation = language.evaluation(facts, memo);
        List<RuleResult> results = new ArrayList<>(rules.size());
        for (CompiledRule compiled : rules) {
            Rule rule = compiled.rule();
            if (compiled.condition().isEmpty()) {
                results.add(new RuleResult(compiled, Status.FAILED, "condition does not compile: "
                        + compiled.problems().stream().map(RuleLanguage.ConditionProblem::describe).toList()));
            } else if (!rule.inEffectOn(issuedOn)) {
                results.add(new RuleResult(compiled, Status.NOT_IN_EFFECT, "not in effect for the issue date " + issuedOn
                        + " (applies " + rule.describePeriod() + ")"));
            } else {
                RuleLanguage.Verdict verdict = evaluation.test(compiled.condition().get(), compiled.memoSlots());
                Status status = verdict.failed() ? Status.FAILED : verdict.matched() ? Status.MATCHED : Status.NOT_MATCHED;
                results.add(new RuleResult(compiled, status, verdict));
            }
        }
        return results;
    }
}
