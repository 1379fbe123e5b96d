package eu.creditbridge.registry.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Share of passing grades in the reference group that were this grade, in percent with two decimals. */
public record GradeBand(String grade, BigDecimal percentage) {

    public GradeBand {
        Violations violations = new Violations();
        grade = violations.required("grade", grade, 20);
        if (percentage == null || percentage.signum() < 0 || percentage.compareTo(GradingTable.HUNDRED) > 0) {
            violations.add("percentage", "must be between 0 and 100");
        } else if (percentage.stripTrailingZeros().scale() > 2) {
            violations.add("percentage", "must have at most two decimals");
        }
        violations.throwIfAny();
        // The contract carries decimal(5,2): fix the scale here so every copy compares equal.
        percentage = percentage.setScale(2, RoundingMode.UNNECESSARY);
    }
}
