package eu.creditbridge.recognition.domain.grading;

import eu.creditbridge.rules.GradeConversionSetting.LinearScale;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The linear (modified Bavarian) route: a partner's grade N, read on the partner's own scale, put at the same place
 * on ours. The arithmetic is {@link LinearScale#exact}, the one copy the rulesets share; what this adds is which N
 * may be converted at all:
 * <ul>
 *   <li>the partner's own scale is the grading scheme the registry lists (its best and worst passing grade): a value
 *       better than its best (a Polish "6" on the 2–5 scale) is no grade of it and is <b>refused</b>, not counted as
 *       the best, so a registrar looks at it; only the scheme's grade of honours (Italian 31) counts as the best;</li>
 *   <li>a ruleset's Nmin/Nmax may narrow that scale, never widen it: a real grade better than a narrower Nmax counts
 *       as Nmax, one worse than Nmin (or than the worst passing grade) is not converted;</li>
 *   <li>where the service does not know the partner's scheme, the ruleset's Nmin..Nmax is the only scale there is.</li>
 * </ul>
 *
 * @param partner the shape of the partner's scheme, when the service knows it
 * @param scale   Nmin/Nmax on the partner's scale, best/worst on ours
 */
public record LinearFormula(Optional<GradingScheme.Numeric> partner, LinearScale scale) {

    public LinearFormula {
        partner = Objects.requireNonNullElse(partner, Optional.empty());
        Objects.requireNonNull(scale, "the linear scale is required");
    }

    /** Between two known schemes: Nmin/Nmax are the partner's worst passing and best grade, best/worst ours. */
    public static LinearFormula between(GradingScheme.Numeric partner, GradingScheme.Numeric home) {
        return new LinearFormula(Optional.of(partner), new LinearScale(partner.worstPassing().doubleValue(), partner.best().doubleValue(),
                home.best().doubleValue(), home.worstPassing().doubleValue()));
    }

    /** Where N falls, or why it is not converted. */
    public Reading read(BigDecimal n) {
        BigDecimal counted = n;
        if (partner.isPresent()) {
            GradingScheme.Numeric own = partner.get();
            if (own.beyondBest(n) && !own.isHonours(n)) {
                return new Reading.NotOnTheScale(own.describe());
            }
            if (!own.passes(n)) {
                return new Reading.OutsideTheRange(own.describe());
            }
            counted = own.beyondBest(n) ? own.best() : n;
        }
        BigDecimal nMin = BigDecimal.valueOf(scale.nMin());
        BigDecimal nMax = BigDecimal.valueOf(scale.nMax());
        boolean higherIsBetter = nMax.compareTo(nMin) >= 0;
        boolean beyondMax = higherIsBetter ? counted.compareTo(nMax) > 0 : counted.compareTo(nMax) < 0;
        if (beyondMax && partner.isEmpty()) {
            return new Reading.NotOnTheScale("the ruleset's scale Nmin " + plain(nMin) + " to Nmax " + plain(nMax));
        }
        if (beyondMax) {
            counted = nMax;
        } else if (higherIsBetter ? counted.compareTo(nMin) < 0 : counted.compareTo(nMin) > 0) {
            return new Reading.OutsideTheRange("the ruleset's passing range Nmin " + plain(nMin) + " to Nmax " + plain(nMax));
        }
        return new Reading.Placed(counted, scale.exact(counted), scale.place(counted), counted.compareTo(n) != 0);
    }

    /** What the formula makes of N. */
    public sealed interface Reading {

        /** N is no grade of the partner's scale: refused, a registrar looks at it. */
        record NotOnTheScale(String scale) implements Reading {
        }

        /** N is on the scale but outside the range the formula converts (worse than the worst passing grade or Nmin). */
        record OutsideTheRange(String range) implements Reading {
        }

        /**
         * @param counted the N the formula used (the best or Nmax for a better real grade)
         * @param exact   x before it is written as a grade of ours
         * @param place   where counted lies from Nmin (0) to Nmax (1)
         * @param capped  whether counted is less than the grade itself
         */
        record Placed(BigDecimal counted, BigDecimal exact, BigDecimal place, boolean capped) implements Reading {
        }
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
