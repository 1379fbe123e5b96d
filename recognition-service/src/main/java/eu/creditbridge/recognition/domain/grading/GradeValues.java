package eu.creditbridge.recognition.domain.grading;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/** How grades written by people are read: "4,5" and "4.50" are the number 4.5, letters ignore case and spaces. */
final class GradeValues {

    private GradeValues() {
    }

    static Optional<BigDecimal> number(String grade) {
        String written = grade.trim().replace(',', '.');
        if (!written.matches("[+-]?\\d+(\\.\\d+)?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(written));
    }

    /** A key under which equal grades are equal: numbers by value, anything else by its lower-case spelling. */
    static String key(String grade) {
        return number(grade).map(number -> number.stripTrailingZeros().toPlainString())
                .orElseGet(() -> grade.trim().toLowerCase(Locale.ROOT));
    }
}
