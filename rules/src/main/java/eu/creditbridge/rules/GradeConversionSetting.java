package eu.creditbridge.rules;

import java.util.Objects;
import java.util.Optional;

/**
 * How a partner's grades (or, without a partner, every partner's) are converted into the receiving scheme.
 * LINEAR_FORMULA is the modified Bavarian formula x = best + (worst - best) * (Nmax - N) / (Nmax - Nmin).
 */
public record GradeConversionSetting(Optional<String> partnerInstitution, Method method, Optional<LinearScale> linear) {

    public enum Method { ECTS_GRADING_TABLE, LINEAR_FORMULA, PASS_FAIL }

    /** Nmin/Nmax of the partner scheme, best/worst passing grade of ours. */
    public record LinearScale(double nMin, double nMax, double best, double worst) {

        public LinearScale {
            if (nMax == nMin) {
                throw new IllegalArgumentException("Nmax and Nmin must differ");
            }
            if (best == worst) {
                throw new IllegalArgumentException("the best and worst grade of the receiving scheme must differ");
            }
        }

        /** The converted grade, rounded to one decimal as German transcripts do. */
        public double convert(double n) {
            double x = best + (worst - best) * (nMax - n) / (nMax - nMin);
            return Math.round(x * 10) / 10.0;
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
