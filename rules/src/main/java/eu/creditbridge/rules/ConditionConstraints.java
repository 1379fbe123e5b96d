package eu.creditbridge.rules;

import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a condition's top-level conjuncts demand of the variables it compares with literals: numeric bounds
 * (ECTS, EQF level, learner totals) and exact text values (issuer, course code, assessment type, ...).
 * Conjuncts it does not understand (disjunctions, negations of calls, ...) demand nothing here. So:
 * <ul>
 *   <li>{@link #impossible()} is only ever true when no credential can satisfy the condition (no false alarm);</li>
 *   <li>two conditions whose combined constraints are not impossible <em>may</em> both hold; a rule pair reported as
 *       overlapping may, rarely, be disjoint for reasons this analysis does not see (e.g. an {@code ||}).</li>
 * </ul>
 */
final class ConditionConstraints {

    private static final Map<String, Interval> DOMAINS = Map.of(
            "credential.ects", new Interval(0, true, 999.99, true, false),
            "credential.eqfLevel", new Interval(0, true, 8, true, true),
            "learner.totalEcts", new Interval(0, true, Double.POSITIVE_INFINITY, true, false));

    private final Map<String, Interval> bounds = new HashMap<>();
    private final Map<String, Set<String>> allowed = new HashMap<>();
    private final Map<String, Set<String>> excluded = new HashMap<>();
    private String impossibility;

    private ConditionConstraints() {
    }

    static ConditionConstraints of(CelExpr condition) {
        ConditionConstraints constraints = new ConditionConstraints();
        for (CelExpr conjunct : ConditionShape.conjuncts(condition)) {
            constraints.add(conjunct);
        }
        return constraints;
    }

    Optional<String> impossible() {
        return Optional.ofNullable(impossibility);
    }

    /** The constraints of both conditions at once: impossible when no credential can satisfy both. */
    ConditionConstraints and(ConditionConstraints other) {
        ConditionConstraints both = new ConditionConstraints();
        both.impossibility = impossibility != null ? impossibility : other.impossibility;
        for (ConditionConstraints each : List.of(this, other)) {
            each.bounds.forEach(both::bound);
            each.allowed.forEach(both::allow);
            each.excluded.forEach((name, values) -> values.forEach(value -> both.exclude(name, value)));
        }
        return both;
    }

    private void add(CelExpr conjunct) {
        switch (conjunct.getKind()) {
            case CONSTANT -> {
                if (conjunct.constant().getKind() == CelConstant.Kind.BOOLEAN_VALUE && !conjunct.constant().booleanValue()) {
                    fail("it contains the constant false");
                }
            }
            case IDENT -> allow(conjunct.ident().name(), Set.of("true"));
            case CALL -> addCall(conjunct);
            default -> {
                // not understood: demands nothing
            }
        }
    }

    private void addCall(CelExpr call) {
        String function = call.call().function();
        List<CelExpr> args = call.call().args();
        switch (function) {
            case "eqfAtLeast" -> number(args.get(0)).ifPresent(n -> bound("credential.eqfLevel", Interval.atLeast(Math.max(1, n))));
            case "ectsBetween" -> {
                Optional<Double> low = number(args.get(0));
                Optional<Double> high = number(args.get(1));
                if (low.isPresent() && high.isPresent()) {
                    bound("credential.ects", new Interval(low.get(), true, high.get(), true, false));
                }
            }
            case "!_" -> {
                if (args.get(0).getKind() == CelExpr.ExprKind.Kind.IDENT) {
                    allow(args.get(0).ident().name(), Set.of("false"));
                }
            }
            case "@in" -> {
                if (args.get(0).getKind() == CelExpr.ExprKind.Kind.IDENT && args.get(1).getKind() == CelExpr.ExprKind.Kind.LIST) {
                    Set<String> values = new HashSet<>();
                    for (CelExpr element : args.get(1).list().elements()) {
                        Optional<String> text = text(element);
                        if (text.isEmpty()) {
                            return;
                        }
                        values.add(text.get());
                    }
                    allow(args.get(0).ident().name(), values);
                }
            }
            case "_<_", "_<=_", "_>_", "_>=_", "_==_", "_!=_" -> comparison(function, args.get(0), args.get(1));
            default -> {
                // a helper or operator this analysis does not model: demands nothing
            }
        }
    }

    private void comparison(String operator, CelExpr left, CelExpr right) {
        String op = operator;
        CelExpr variable = left;
        CelExpr literal = right;
        if (left.getKind() != CelExpr.ExprKind.Kind.IDENT) {
            variable = right;
            literal = left;
            op = switch (operator) {
                case "_<_" -> "_>_";
                case "_<=_" -> "_>=_";
                case "_>_" -> "_<_";
                case "_>=_" -> "_<=_";
                default -> operator;
            };
        }
        if (variable.getKind() != CelExpr.ExprKind.Kind.IDENT || literal.getKind() != CelExpr.ExprKind.Kind.CONSTANT) {
            return;
        }
        String name = variable.ident().name();
        Optional<Double> number = number(literal);
        if (number.isPresent() && DOMAINS.containsKey(name)) {
            double n = number.get();
            switch (op) {
                case "_<_" -> bound(name, new Interval(Double.NEGATIVE_INFINITY, true, n, false, false));
                case "_<=_" -> bound(name, new Interval(Double.NEGATIVE_INFINITY, true, n, true, false));
                case "_>_" -> bound(name, new Interval(n, false, Double.POSITIVE_INFINITY, true, false));
                case "_>=_" -> bound(name, Interval.atLeast(n));
                case "_==_" -> bound(name, new Interval(n, true, n, true, false));
                default -> {
                    // != on a number: demands (almost) nothing
                }
            }
            return;
        }
        Optional<String> text = text(literal);
        if (text.isPresent()) {
            if (op.equals("_==_")) {
                allow(name, Set.of(text.get()));
            } else if (op.equals("_!=_")) {
                exclude(name, text.get());
            }
        } else if (literal.constant().getKind() == CelConstant.Kind.BOOLEAN_VALUE) {
            boolean value = literal.constant().booleanValue();
            if (op.equals("_==_")) {
                allow(name, Set.of(String.valueOf(value)));
            } else if (op.equals("_!=_")) {
                allow(name, Set.of(String.valueOf(!value)));
            }
        }
    }

    private void bound(String name, Interval interval) {
        Interval current = bounds.getOrDefault(name, DOMAINS.getOrDefault(name, Interval.ANY));
        Interval narrowed = current.intersect(interval).integral(name.equals("credential.eqfLevel"));
        bounds.put(name, narrowed);
        if (narrowed.isEmpty()) {
            fail(name + " cannot be " + current.describe() + " and " + interval.describe() + " at once");
        }
    }

    private void allow(String name, Set<String> values) {
        Set<String> current = allowed.get(name);
        Set<String> narrowed = new HashSet<>(values);
        if (current != null) {
            narrowed.retainAll(current);
        }
        narrowed.removeAll(excluded.getOrDefault(name, Set.of()));
        allowed.put(name, narrowed);
        if (narrowed.isEmpty()) {
            fail(name + " cannot equal " + (current == null ? values : current) + " and " + values + " at once");
        }
    }

    private void exclude(String name, String value) {
        excluded.computeIfAbsent(name, key -> new HashSet<>()).add(value);
        Set<String> current = allowed.get(name);
        if (current != null) {
            current.remove(value);
            if (current.isEmpty()) {
                fail(name + " is required to equal and to differ from '" + value + "'");
            }
        }
    }

    private void fail(String why) {
        if (impossibility == null) {
            impossibility = why;
        }
    }

    private static Optional<Double> number(CelExpr expr) {
        if (expr.getKind() != CelExpr.ExprKind.Kind.CONSTANT) {
            return Optional.empty();
        }
        return switch (expr.constant().getKind()) {
            case INT64_VALUE -> Optional.of((double) expr.constant().int64Value());
            case DOUBLE_VALUE -> Optional.of(expr.constant().doubleValue());
            default -> Optional.empty();
        };
    }

    private static Optional<String> text(CelExpr expr) {
        return expr.getKind() == CelExpr.ExprKind.Kind.CONSTANT && expr.constant().getKind() == CelConstant.Kind.STRING_VALUE
                ? Optional.of(expr.constant().stringValue()) : Optional.empty();
    }

    /** A range of numbers, each end open or closed. */
    record Interval(double low, boolean lowClosed, double high, boolean highClosed, boolean integral) {

        static final Interval ANY = new Interval(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true, false);

        static Interval atLeast(double n) {
            return new Interval(n, true, Double.POSITIVE_INFINITY, true, false);
        }

        Interval intersect(Interval other) {
            double lo = Math.max(low, other.low);
            boolean loClosed = low == other.low ? lowClosed && other.lowClosed : (low > other.low ? lowClosed : other.lowClosed);
            double hi = Math.min(high, other.high);
            boolean hiClosed = high == other.high ? highClosed && other.highClosed : (high < other.high ? highClosed : other.highClosed);
            return new Interval(lo, loClosed, hi, hiClosed, integral || other.integral);
        }

        /** For whole-number variables, open ends move to the next whole number: eqfLevel > 5 is eqfLevel >= 6. */
        Interval integral(boolean wholeNumbers) {
            if (!wholeNumbers) {
                return this;
            }
            double lo = Double.isInfinite(low) ? low : (lowClosed ? Math.ceil(low) : Math.floor(low) + 1);
            double hi = Double.isInfinite(high) ? high : (highClosed ? Math.floor(high) : Math.ceil(high) - 1);
            return new Interval(lo, true, hi, true, true);
        }

        boolean isEmpty() {
            return low > high || (low == high && !(lowClosed && highClosed));
        }

        String describe() {
            String lo = Double.isInfinite(low) ? "" : (lowClosed ? ">= " : "> ") + plain(low);
            String hi = Double.isInfinite(high) ? "" : (highClosed ? "<= " : "< ") + plain(high);
            return lo.isEmpty() ? (hi.isEmpty() ? "anything" : hi) : hi.isEmpty() ? lo : lo + " and " + hi;
        }

        private static String plain(double value) {
            return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
        }
    }
}
