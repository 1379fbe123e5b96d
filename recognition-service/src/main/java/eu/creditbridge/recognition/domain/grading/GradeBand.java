package eu.creditbridge.recognition.domain.grading;

import java.math.BigDecimal;
import java.util.Objects;

/** One row of a grading table: the share of passing grades in the reference group that were this grade. */
public record GradeBand(String grade, BigDecimal percentage) {

    public GradeBand {
        Objects.requireNonNull(grade, "grade is required");
        Objects.requireNonNull(percentage, "percentage is required");
        grade = grade.trim();
        if (grade.isEmpty()) {
            throw new IllegalArgumentException("a grading-table row needs a grade");
        }
        if (percentage.signum() < 0 || percentage.compareTo(GradingTable.HUNDRED) > 0) {
            throw new IllegalArgumentException("percentage of grade " + grade + " must be 0 to 100: " + percentage);
        }
    }

    public static GradeBand of(String grade, String percentage) {
        return new GradeBand(grade, new BigDecimal(percentage));
    }
}
