package eu.creditbridge.issuer.domain;

import java.util.List;

/**
 * A value does not meet the rules of its type. Messages are written for the person who sent the
 * value, so adapters can show them as they are, next to the field they name.
 */
public class InvalidValueException extends IllegalArgumentException {

    /** One broken rule: {@code field} is a path inside the value (null for the value as a whole). */
    public record Violation(String field, String message) {
    }

    private final List<Violation> violations;

    public InvalidValueException(String message) {
        this(null, message);
    }

    /** A problem with one part of a composite value, e.g. the {@code scheme} of a grade. */
    public InvalidValueException(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    /** Several broken rules at once, so a sender can fix them all in one go. */
    public InvalidValueException(List<Violation> violations) {
        super(describe(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid value breaks at least one rule");
        }
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        return violations.stream()
                .map(v -> v.field() == null ? v.message() : v.field() + ": " + v.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid value");
    }

    static <T> T required(T value, String what) {
        if (value == null) {
            throw new InvalidValueException(what + " is required");
        }
        return value;
    }

    static String optionalText(String value, String what, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new InvalidValueException(what + " must be at most " + maxLength + " characters");
        }
        return value.strip();
    }
}
