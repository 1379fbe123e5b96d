package eu.creditbridge.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * How a partner's grades (or, without a partner, every partner's) are converted into the receiving scheme.
 * LINEAR_FORMULA is the modified Bavarian formula x = best + (worst - best) * (Nmax - N) / (Nmax - Nmin), computed
 * in one place, {@link LinearScale#exact}.
 */
public record GradeConversionSetting(Optional<String> partnerInstitution, Method method, Optional<LinearScale> linear) {

    public enum Method { ECTS_GRADING_TABLE, LINEAR_FORMULA, PASS_FAIL }

    /**
     * Nmin/Nmax of the partner scheme, best/worst passing grade of ours: the one home of the modified Bavarian
     * formula, for a ruleset's own scale and for the shapes recognition knows of the schemes alike. Whether N may be
     * converted at all (on the partner's scale, within Nmin..Nmax) is the caller's to decide: this is arithmetic.
     */
    public record LinearScale(double nMin, double nMax, double best, double worst) {

        public LinearScale {
            if (nMax == nMin) {
                throw new IllegalArgumentException("Nmax and Nmin must differ");
            }
            if (best == worst) {
                throw new IllegalArgumentException("the best and worst grade of the receiving scheme must differ");
            }
        }

        /**
         * x = best + (worst - best) * (Nmax - N) / (Nmax - Nmin), exact to 16 digits: multiplied before the one
         * division, so a grade that falls exactly half-way between two home grades is not tipped by rounding.
         */
        public BigDecimal exact(BigDecimal n) {
            BigDecimal max = BigDecimal.valueOf(nMax);
            return BigDecimal.valueOf(best).add(BigDecimal.valueOf(worst - best).multiply(max.subtract(n))
                    .divide(max.subtract(BigDecimal.valueOf(nMin)), MathContext.DECIMAL64), MathContext.DECIMAL64);
        }

        /** Where N lies from Nmin (0) to Nmax (1), for explaining a conversion. */
        public BigDecimal place(BigDecimal n) {
            BigDecimal min = BigDecimal.valueOf(nMin);
            return n.subtract(min).divide(BigDecimal.valueOf(nMax).subtract(min), MathContext.DECIMAL64);
        }

        /** The converted grade, rounded to one decimal as German transcripts do. */
        public double convert(double n) {
            return exact(BigDecimal.valueOf(n)).setScale(1, RoundingMode.HALF_UP).doubleValue();
        }
    }

    public GradeConversionSetting {
        partnerInstitution = Objects.requireNonNullElse(partnerInstitution, Optional.<String>empty()).filter(p -> !p.isBlank());
        Objects.requireNonNull(method, "method is required");
        linear = Objects.requireNonNullElse(linear, Optional.empty());
        if (method == Method.LINEAR_FORMULA && linear.isEmpty()) {
            throw new IllegalArgumentException("LINEAR_FORMULA needs nMin, nMax, scaleBest and scaleWorst");
        }
    }
}
