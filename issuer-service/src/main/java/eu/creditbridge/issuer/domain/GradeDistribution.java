package eu.creditbridge.issuer.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How the grades of one field of study spread at the issuing institution, as an EWP Transcript of Records' grade
 * conversion table gives it: a percentage per grade label, failing grades included.
 *
 * @param iscedCode the ISCED-F code the frequencies are for
 */
public record GradeDistribution(String iscedCode, List<Frequency> frequencies) {

    /** The ECTS grading scale's failing grades: an ECTS grading table lists passing grades only. */
    private static final Set<String> ECTS_FAILING = Set.of("F", "FX");
    private static final Set<String> ECTS_PASSING = Set.of("A", "B", "C", "D", "E");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    public record Frequency(String label, BigDecimal percentage) {
        public Frequency {
            if (label == null || label.isBlank() || label.length() > 20) {
                throw new InvalidValueException("label", "must be a grade of 1 to 20 characters");
            }
            label = label.strip();
            if (percentage == null || percentage.signum() < 0 || percentage.compareTo(HUNDRED) > 0) {
                throw new InvalidValueException("percentage", "must be between 0 and 100");
            }
        }
    }

    public GradeDistribution {
        frequencies = List.copyOf(frequencies);
    }

    /**
     * As an ECTS grading table (ECTS Users' Guide 2015): the passing grades only, their shares scaled to add up to
     * exactly 100 with two decimals (the rounding left over goes to the largest share), best grade first. Only the
     * ECTS letters say which grades fail and which is best: for other labels the grades stay as given, in the
     * document's order, and {@link #ectsScale()} is false so the offer can say that its order is the document's.
     *
     * @throws InvalidValueException if no passing grade has a share
     */
    public List<Frequency> passingTable() {
        var passing = new ArrayList<Frequency>();
        for (var frequency : frequencies) {
            if (!ECTS_FAILING.contains(frequency.label().toUpperCase(Locale.ROOT))) {
                passing.add(frequency);
            }
        }
        BigDecimal total = passing.stream().map(Frequency::percentage).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.signum() == 0) {
            throw new InvalidValueException("gradeFrequency", "no passing grade has a share: nothing to offer as a grading table");
        }
        if (ectsScale()) {
            passing.sort(Comparator.comparing(f -> f.label().toUpperCase(Locale.ROOT)));
        }
        var scaled = new ArrayList<Frequency>();
        BigDecimal sum = BigDecimal.ZERO;
        int largest = 0;
        for (int i = 0; i < passing.size(); i++) {
            var share = passing.get(i).percentage().multiply(HUNDRED).divide(total, 2, RoundingMode.HALF_UP);
            scaled.add(new Frequency(passing.get(i).label(), share));
            sum = sum.add(share);
            if (share.compareTo(scaled.get(largest).percentage()) > 0) {
                largest = i;
            }
        }
        var remainder = HUNDRED.subtract(sum);
        var adjusted = scaled.get(largest);
        scaled.set(largest, new Frequency(adjusted.label(), adjusted.percentage().add(remainder)));
        return List.copyOf(scaled);
    }

    /** Whether every label is an ECTS grade (A to E, F, FX), so failing and best grades are known. */
    public boolean ectsScale() {
        return frequencies.stream().map(f -> f.label().toUpperCase(Locale.ROOT))
                .allMatch(l -> ECTS_PASSING.contains(l) || ECTS_FAILING.contains(l));
    }
}
