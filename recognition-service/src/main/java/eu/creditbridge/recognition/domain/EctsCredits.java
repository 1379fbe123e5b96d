package eu.creditbridge.recognition.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** A workload in ECTS credits, never negative, kept to two decimals as the contract carries it. */
public record EctsCredits(BigDecimal value) implements Comparable<EctsCredits> {

    // Declared before ZERO: static fields initialise in order, and ZERO's constructor reads MAXIMUM.
    private static final BigDecimal MAXIMUM = new BigDecimal("999.99");
    public static final EctsCredits ZERO = new EctsCredits(BigDecimal.ZERO);

    public EctsCredits {
        Objects.requireNonNull(value, "ECTS credits are required");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("ECTS credits cannot be negative: " + value);
        }
        if (value.compareTo(MAXIMUM) > 0) {
            throw new IllegalArgumentException("ECTS credits above " + MAXIMUM + ": " + value);
        }
        // Scale 2 everywhere, so 5, 5.0 and 5.00 are one value (equals, Mongo documents, Avro decimals).
        value = value.setScale(2, RoundingMode.HALF_UP);
    }

    public static EctsCredits of(String value) {
        return new EctsCredits(new BigDecimal(value));
    }

    public static EctsCredits of(BigDecimal value) {
        return new EctsCredits(value);
    }

    /** Hundredths of a credit: the exact integer the learner record adds up. */
    public long hundredths() {
        return value.movePointRight(2).longValueExact();
    }

    public static EctsCredits ofHundredths(long hundredths) {
        return new EctsCredits(BigDecimal.valueOf(hundredths, 2));
    }

    public boolean isZero() {
        return value.signum() == 0;
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
