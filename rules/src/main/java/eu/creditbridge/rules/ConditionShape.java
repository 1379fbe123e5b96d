package eu.creditbridge.rules;

import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.SimpleType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the shape of a condition's (type-checked) syntax tree: its top-level conjuncts, a comparison with a text. */
final class ConditionShape {

    static final String AND = "_&&_";
    static final String EQUALS = "_==_";

    private ConditionShape() {
    }

    /** a && b && c -> [a, b, c]; anything else -> [itself]. */
    static List<CelExpr> conjuncts(CelExpr expr) {
        List<CelExpr> parts = new ArrayList<>();
        collect(expr, parts);
        return parts;
    }

    /**
     * {@code variable == 'text'} (either way round) where the variable is one of the vocabulary's strings: CEL decides it
     * as Java's {@link String#equals}, so an evaluation can read it as one comparison of the variable's value.
     */
    record StringEquality(String variable, String text) {

        static Optional<StringEquality> of(CelExpr expr) {
            if (expr.getKind() != CelExpr.ExprKind.Kind.CALL || !expr.call().function().equals(EQUALS) || expr.call().args().size() != 2) {
                return Optional.empty();
            }
            CelExpr left = expr.call().args().get(0);
            CelExpr right = expr.call().args().get(1);
            return of(left, right).or(() -> of(right, left));
        }

        private static Optional<StringEquality> of(CelExpr variable, CelExpr constant) {
            if (variable.getKind() != CelExpr.ExprKind.Kind.IDENT || constant.getKind() != CelExpr.ExprKind.Kind.CONSTANT
                    || constant.constant().getKind() != CelConstant.Kind.STRING_VALUE) {
                return Optional.empty();
            }
            String name = variable.ident().name();
            boolean aString = RuleVocabulary.VARIABLES.stream().anyMatch(v -> v.name().equals(name) && v.type().equals(SimpleType.STRING));
            return aString ? Optional.of(new StringEquality(name, constant.constant().stringValue())) : Optional.empty();
        }
    }

    private static void collect(CelExpr expr, List<CelExpr> parts) {
        if (expr.getKind() == CelExpr.ExprKind.Kind.CALL && expr.call().function().equals(AND)) {
            expr.call().args().forEach(arg -> collect(arg, parts));
        } else {
            parts.add(expr);
        }
    }
}
