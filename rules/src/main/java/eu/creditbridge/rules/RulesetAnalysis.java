package eu.creditbridge.rules;

import dev.cel.common.ast.CelExpr;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a ruleset before it is published — the known pains of transfer-credit systems, caught at the author's desk:
 * <ul>
 *   <li><b>DOES_NOT_COMPILE</b>: CEL parse or type errors, with line and column;</li>
 *   <li><b>NEVER_MATCHES</b>: the condition is constant false (no variable, evaluates to false), or its top-level
 *       conjuncts contradict each other on one variable ({@code credential.ects > 10 && credential.ects < 5},
 *       {@code credential.issuer == 'a' && credential.issuer == 'b'}, {@code eqfAtLeast(9)}, ...); or the effective
 *       period is empty (until before from) or entirely before today. Reported only when certain;</li>
 *   <li><b>OVERLAPS</b>: two rules with the same priority whose effective periods overlap and whose conditions
 *       are not shown disjoint by the constraints above (e.g. different issuers, disjoint ECTS ranges). Sound for
 *       the constraints it models, so an overlap is never missed; conditions built from disjunctions or helpers
 *       it cannot compare count as possibly overlapping;</li>
 *   <li><b>DUPLICATE_ID</b>: two rules with one id (the trace names rules by id).</li>
 * </ul>
 * Field paths are {@code rules[i]...} in the order the author gave the rules.
 */
public final class RulesetAnalysis {

    private RulesetAnalysis() {
    }

    public static List<RuleFinding> analyse(List<Rule> rules, LocalDate today) {
        RuleLanguage language = RuleLanguage.standard();
        List<RuleFinding> findings = new ArrayList<>();
        List<Optional<ConditionConstraints>> constraints = new ArrayList<>();
        List<Boolean> live = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            String field = "rules[" + i + "]";
            Integer earlier = ids.putIfAbsent(rule.id(), i);
            if (earlier != null) {
                findings.add(new RuleFinding(RuleFinding.Kind.DUPLICATE_ID, field + ".id",
                        "rule id '" + rule.id() + "' is already used by rules[" + earlier + "]"));
            }
            boolean alive = true;
            RuleLanguage.Compilation compilation = language.compile(rule.condition());
            if (compilation instanceof RuleLanguage.Refused refused) {
                refused.problems().forEach(problem -> findings.add(new RuleFinding(RuleFinding.Kind.DOES_NOT_COMPILE,
                        field + ".condition", "rule '" + rule.id() + "' does not compile: " + problem.describe())));
                constraints.add(Optional.empty());
                live.add(false);
                continue;
            }
            RuleLanguage.CompiledCondition condition = ((RuleLanguage.Compiled) compilation).condition();
            Optional<String> never = neverMatches(condition, language, today);
            if (never.isPresent()) {
                findings.add(new RuleFinding(RuleFinding.Kind.NEVER_MATCHES, field + ".condition",
                        "rule '" + rule.id() + "' can never match: " + never.get()));
                alive = false;
            }
            Optional<String> period = emptyPeriod(rule, today);
            if (period.isPresent()) {
                findings.add(new RuleFinding(RuleFinding.Kind.NEVER_MATCHES, field + ".effectiveUntil",
                        "rule '" + rule.id() + "' can never match: " + period.get()));
                alive = false;
            }
            ConditionConstraints own = ConditionConstraints.of(condition.ast().getExpr());
            constraints.add(Optional.of(own));
            live.add(alive);
        }
        for (int j = 0; j < rules.size(); j++) {
            for (int i = 0; i < j; i++) {
                if (!live.get(i) || !live.get(j) || rules.get(i).priority() != rules.get(j).priority()
                        || !periodsOverlap(rules.get(i), rules.get(j))) {
                    continue;
                }
                if (constraints.get(i).get().and(constraints.get(j).get()).impossible().isEmpty()) {
                    findings.add(new RuleFinding(RuleFinding.Kind.OVERLAPS, "rules[" + j + "].priority",
                            "rule '" + rules.get(j).id() + "' and rule '" + rules.get(i).id() + "' (rules[" + i + "]) have the same priority "
                                    + rules.get(j).priority() + " and can both match one credential in overlapping effective periods; "
                                    + "give one a different priority or make the conditions exclusive"));
                }
            }
        }
        return List.copyOf(findings);
    }

    private static Optional<String> neverMatches(RuleLanguage.CompiledCondition condition, RuleLanguage language, LocalDate today) {
        Optional<String> contradiction = ConditionConstraints.of(condition.ast().getExpr()).impossible();
        if (contradiction.isPresent()) {
            return contradiction;
        }
        if (readsNothing(condition.ast().getExpr())) {
            // Constant: evaluate it once with any facts, since it reads none of them.
            RuleLanguage.Verdict verdict = language.test(condition, ConstantFacts.ANY);
            if (!verdict.matched()) {
                return Optional.of("the condition is always false");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> emptyPeriod(Rule rule, LocalDate today) {
        if (rule.effectiveFrom().isPresent() && rule.effectiveUntil().isPresent()
                && rule.effectiveUntil().get().isBefore(rule.effectiveFrom().get())) {
            return Optional.of("its effective period ends (" + rule.effectiveUntil().get() + ") before it starts ("
                    + rule.effectiveFrom().get() + ")");
        }
        if (rule.effectiveUntil().isPresent() && rule.effectiveUntil().get().isBefore(today)) {
            return Optional.of("its effective period ended on " + rule.effectiveUntil().get() + ", before today (" + today
                    + "); a new version cannot recognise credentials that are all decided already");
        }
        return Optional.empty();
    }

    static boolean periodsOverlap(Rule a, Rule b) {
        LocalDate start = later(a.effectiveFrom(), b.effectiveFrom());
        LocalDate end = earlier(a.effectiveUntil(), b.effectiveUntil());
        return start == null || end == null || !end.isBefore(start);
    }

    private static LocalDate later(Optional<LocalDate> a, Optional<LocalDate> b) {
        if (a.isEmpty()) {
            return b.orElse(null);
        }
        return b.isEmpty() || a.get().isAfter(b.get()) ? a.get() : b.get();
    }

    private static LocalDate earlier(Optional<LocalDate> a, Optional<LocalDate> b) {
        if (a.isEmpty()) {
            return b.orElse(null);
        }
        return b.isEmpty() || a.get().isBefore(b.get()) ? a.get() : b.get();
    }

    /** No variable, no helper, no comprehension: the value is the same for every credential. */
    private static boolean readsNothing(CelExpr expr) {
        return switch (expr.getKind()) {
            case CONSTANT -> true;
            case IDENT, COMPREHENSION, SELECT, STRUCT, NOT_SET -> false;
            case LIST -> expr.list().elements().stream().allMatch(RulesetAnalysis::readsNothing);
            case MAP -> expr.map().entries().stream().allMatch(e -> readsNothing(e.key()) && readsNothing(e.value()));
            case CALL -> !RuleVocabulary.HELPER_NAMES.contains(expr.call().function())
                    && expr.call().target().map(RulesetAnalysis::readsNothing).orElse(true)
                    && expr.call().args().stream().allMatch(RulesetAnalysis::readsNothing);
        };
    }

    /** Facts for evaluating a condition that reads none. */
    private static final class ConstantFacts {
        static final RuleFacts ANY = new RuleFacts(
                new RuleFacts.CredentialFacts("example.org", "", "", 0, 0, "", "", "", "", LocalDate.EPOCH, "", "", true, ""),
                new RuleFacts.IssuerFacts("example.org", "", List.of()), null, null, null, LocalDate.EPOCH);
    }
}
