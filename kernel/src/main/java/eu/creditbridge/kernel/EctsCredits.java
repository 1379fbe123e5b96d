package eu.creditbridge.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A workload in ECTS credits: 0 to 999.99, held in hundredths (scale 2), so {@code 6}, {@code 6.0} and
 * {@code 6.00} are one value in {@code equals}, stored documents and the contract.
 *
 * <p>The range is what the contract's {@code decimal(5,2)} carries: every value on the wire is one of these, and
 * the same type serves one credential and the total of a learner's record (a whole doctorate with its preceding
 * degrees stays under 999.99). Zero is allowed for achievements with no workload, such as a placement test.
 *
 * <p>Factories say how the number came:
 * <ul>
 *   <li>{@link #of} (and the constructor): exact, at most two decimals — more is a typing error, not something to
 *       round away;</li>
 *   <li>{@link #ofCredential}: what an issuing officer enters for one credential, also at most
 *       {@value #CREDENTIAL_MAXIMUM_TEXT}: a whole three-year bachelor, more than any course result or
 *       micro-credential; a larger number is a typing error;</li>
 *   <li>{@link #rounded}: a partner's number or one computed here (a share of a credential's credits), rounded
 *       half-up to hundredths, then the range.</li>
 * </ul>
 */
public record EctsCredits(BigDecimal value) implements Comparable<EctsCredits> {

    static final String TYPE = "ECTS credits";
    static final String CREDENTIAL_MAXIMUM_TEXT = "180";
    // Declared before ZERO: static fields initialise in order, and ZERO's constructor reads MAXIMUM.
    public static final BigDecimal MAXIMUM = new BigDecimal("999.99");
    public static final BigDecimal CREDENTIAL_MAXIMUM = new BigDecimal(CREDENTIAL_MAXIMUM_TEXT);
    public static final EctsCredits ZERO = new EctsCredits(BigDecimal.ZERO);

    public EctsCredits {
        if (value == null) {
            throw new InvalidValue(TYPE, "is required, e.g. 6 or 7.5");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new InvalidValue(TYPE, "must have at most two decimals");
        }
        value = inRange(value.setScale(2, RoundingMode.UNNECESSARY), MAXIMUM);
    }

    public static EctsCredits of(String credits) {
        return new EctsCredits(parse(credits));
    }

    public static EctsCredits of(BigDecimal credits) {
        return new EctsCredits(credits);
    }

    /** The credits of one credential as its issuer enters them: exact, 0 to {@value #CREDENTIAL_MAXIMUM_TEXT}. */
    public static EctsCredits ofCredential(BigDecimal credits) {
        var exact = new EctsCredits(credits);
        inRange(exact.value, CREDENTIAL_MAXIMUM);
        return exact;
    }

    /** A partner's or a computed number: rounded half-up to hundredths, then 0 to 999.99. */
    public static EctsCredits rounded(BigDecimal credits) {
        if (credits == null) {
            return new EctsCredits(null);
        }
        return new EctsCredits(credits.setScale(2, RoundingMode.HALF_UP));
    }

    public static EctsCredits ofHundredths(long hundredths) {
        return new EctsCredits(BigDecimal.valueOf(hundredths, 2));
    }

    /** Hundredths of a credit: the exact integer a learner's record adds up. */
    public long hundredths() {
        return value.movePointRight(2).longValueExact();
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    private static BigDecimal inRange(BigDecimal credits, BigDecimal maximum) {
        if (credits.signum() < 0 || credits.compareTo(maximum) > 0) {
            throw new InvalidValue(TYPE, "must be between 0 and " + maximum.stripTrailingZeros().toPlainString()
                    + " ECTS credits");
        }
        return credits;
    }

    private static BigDecimal parse(String credits) {
        if (credits == null) {
            return null;
        }
        try {
            return new BigDecimal(credits.strip());
        } catch (NumberFormatException e) {
            throw new InvalidValue(TYPE, "must be a number of credits, e.g. 6 or 7.5");
        }
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
