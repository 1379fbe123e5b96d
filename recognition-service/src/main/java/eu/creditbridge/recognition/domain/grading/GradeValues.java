package eu.creditbridge.recognition.domain.grading;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** How grades written by people are read: "4,5" and "4.50" are the number 4.5, letters ignore case and spaces. */
final class GradeValues {

    private GradeValues() {
    }

    /** Compiled once: {@code String.matches} compiled the pattern again for every grade read. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    static Optional<BigDecimal> number(String grade) {
        String written = grade.trim().replace(',', '.');
        if (!NUMBER.matcher(written).matches()) {
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
