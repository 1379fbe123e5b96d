package eu.creditbridge.registry.domain;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * ECTS grading table (ECTS Users' Guide 2015): how the passing grades of a reference group spread,
 * best grade first. Grade conversion reads cumulative percentage bands off it, so the bands must
 * cover exactly 100 percent and name each grade once.
 */
public record GradingTable(String referencePeriod, List<GradeBand> bands) {

    static final BigDecimal HUNDRED = new BigDecimal("100");

    public GradingTable {
        Violations violations = new Violations();
        referencePeriod = violations.required("referencePeriod", referencePeriod, 40);
        bands = bands == null ? List.of() : List.copyOf(bands);
        if (bands.isEmpty()) {
            violations.add("bands", "must list at least one passing grade");
        } else {
            BigDecimal total = bands.stream().map(GradeBand::percentage).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (total.compareTo(HUNDRED) != 0) {
                violations.add("bands", "percentages must add up to 100, they add up to " + total.toPlainString());
            }
            Set<String> grades = new HashSet<>();
            for (int i = 0; i < bands.size(); i++) {
                if (!grades.add(bands.get(i).grade())) {
                    violations.add("bands[" + i + "].grade", "grade '" + bands.get(i).grade() + "' is listed twice");
                }
            }
        }
        violations.throwIfAny();
    }
}
