package eu.creditbridge.rules;

import dev.cel.common.ast.CelExpr;
import java.util.ArrayList;
import java.util.List;

/** Reads the shape of a condition's syntax tree: its top-level conjuncts. */
final class ConditionShape {

    static final String AND = "_&&_";

    private ConditionShape() {
    }

    /** a && b && c -> [a, b, c]; anything else -> [itself]. */
    static List<CelExpr> conjuncts(CelExpr expr) {
        List<CelExpr> parts = new ArrayList<>();
        collect(expr, parts);
        return parts;
    }

    private static void collect(CelExpr expr, List<CelExpr> parts) {
        if (expr.getKind() == CelExpr.ExprKind.Kind.CALL && expr.call().function().equals(AND)) {
            expr.call().args().forEach(arg -> collect(arg, parts));
        } else {
            parts.add(expr);
        }
    }
}
