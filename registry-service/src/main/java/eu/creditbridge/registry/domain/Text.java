package eu.creditbridge.registry.domain;

/** Checks for free-text fields, kept in one place so every entry trims and bounds text alike. */
final class Text {

    private Text() {
    }

    static String required(String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("must not be blank");
        }
        return bounded(value.strip(), maxLength);
    }

    static String optional(String value, int maxLength) {
        return value == null || value.isBlank() ? null : bounded(value.strip(), maxLength);
    }

    private static String bounded(String value, int maxLength) {
        if (value.length() > maxLength) {
            throw new IllegalArgumentException("must be at most " + maxLength + " characters");
        }
        return value;
    }
}
