package eu.creditbridge.recognition.domain.grading;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An ECTS grading table (ECTS Users' Guide 2015): the passing grades of one scheme, best to worst, with the
 * percentage of passing grades in a reference group that were each grade.
 *
 * <p>Positions are measured from the top: the best grade's band starts at 0 %, the worst one's ends at 100 %.
 * Published tables are rounded, so the percentages may add up to a little more or less than 100 (within
 * {@link #SUM_TOLERANCE}); positions are then taken relative to the actual sum, so the last band still ends at
 * exactly 100 %.
 */
public record GradingTable(Optional<String> referencePeriod, List<GradeBand> bands) {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Rounded percentages of ten grades can miss 100 by a few tenths; more than one point is a wrong table. */
    public static final BigDecimal SUM_TOLERANCE = BigDecimal.ONE;

    public GradingTable {
        referencePeriod = Objects.requireNonNullElse(referencePeriod, Optional.<String>empty()).filter(period -> !period.isBlank());
        bands = List.copyOf(Objects.requireNonNull(bands, "grading-table rows are required"));
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("a grading table lists at least one passing grade");
        }
        Set<String> seen = new HashSet<>();
        for (GradeBand band : bands) {
            if (!seen.add(GradeValues.key(band.grade()))) {
                throw new IllegalArgumentException("grade " + band.grade() + " is listed twice in the grading table");
            }
        }
        BigDecimal sum = bands.stream().map(GradeBand::percentage).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.subtract(HUNDRED).abs().compareTo(SUM_TOLERANCE) > 0) {
            throw new IllegalArgumentException("the percentages of a grading table add up to 100, these to " + sum.stripTrailingZeros().toPlainString());
        }
    }

    public static GradingTable of(String referencePeriod, List<GradeBand> bands) {
        return new GradingTable(Optional.ofNullable(referencePeriod), bands);
    }

    /** The row of a grade; "4" finds "4.0" and "4,0" (numbers compare as numbers), letters ignore case. */
    public Optional<Position> positionOf(String grade) {
        String key = GradeValues.key(grade);
        List<Position> positions = positions();
        return positions.stream().filter(position -> GradeValues.key(position.grade()).equals(key)).findFirst();
    }

    /**
     * The grade whose cumulative band contains the position (0–100 % from the top). A position on the border of
     * two bands gets the better grade: a table is a statistic, and a tie should not cost the learner.
     */
    public Position gradeAt(BigDecimal percentFromTop) {
        for (Position position : positions()) {
            if (percentFromTop.compareTo(position.to()) <= 0 && position.to().compareTo(position.from()) > 0) {
                return position;
            }
        }
        List<Position> positions = positions();
        return positions.get(positions.size() - 1);
    }

    /** Each grade's band [from, to] in percent from the top, normalised to the table's actual sum. */
    public List<Position> positions() {
        BigDecimal sum = bands.stream().map(GradeBand::percentage).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Position> positions = new ArrayList<>();
        BigDecimal cumulative = BigDecimal.ZERO;
        for (int i = 0; i < bands.size(); i++) {
            GradeBand band = bands.get(i);
            BigDecimal from = normalise(cumulative, sum);
            cumulative = cumulative.add(band.percentage());
            BigDecimal to = i == bands.size() - 1 ? HUNDRED : normalise(cumulative, sum);
            positions.add(new Position(band.grade(), from, to));
        }
        return positions;
    }

    private static BigDecimal normalise(BigDecimal cumulative, BigDecimal sum) {
        if (sum.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return cumulative.multiply(HUNDRED).divide(sum, MathContext.DECIMAL64);
    }

    /** A grade's cumulative band in percent from the top of the table. */
    public record Position(String grade, BigDecimal from, BigDecimal to) {

        public BigDecimal midpoint() {
            return from.add(to).divide(BigDecimal.valueOf(2), MathContext.DECIMAL64);
        }

        public String describe() {
            return grade + " (" + percent(from) + "–" + percent(to) + " % from the top)";
        }

        static String percent(BigDecimal value) {
            return value.setScale(1, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        }
    }
}
