package eu.creditbridge.issuer.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Notional workload in ECTS credits, with at most two decimals (the contract's decimal(5,2)).
 *
 * <p>Bounded to 0..180: 180 ECTS is a whole three-year bachelor, more than any course result or
 * micro-credential this service issues; a larger number is a typing error. Zero is allowed for
 * achievements that carry no workload, such as a placement test. The value is always held with
 * scale 2, so {@code 6} and {@code 6.00} are the same credits.
 */
public record EctsCredits(BigDecimal value) implements Comparable<EctsCredits> {

    public static final BigDecimal MAXIMUM = BigDecimal.valueOf(180);

    public EctsCredits {
        if (value == null) {
            throw new InvalidValueException("is required, e.g. 6 or 7.5");
        }
        if (value.signum() < 0 || value.compareTo(MAXIMUM) > 0) {
            throw new InvalidValueException("must be between 0 and " + MAXIMUM + " ECTS credits");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new InvalidValueException("must have at most two decimals");
        }
        value = value.setScale(2, RoundingMode.UNNECESSARY);
    }

    public static EctsCredits of(String credits) {
        return new EctsCredits(new BigDecimal(credits));
    }

    @Override
    public int compareTo(EctsCredits other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
