package eu.creditbridge.registry.domain;

import java.util.regex.Pattern;

/** Short, stable id of an alliance or network, e.g. {@code unic}, {@code una-europa}. */
public record AllianceId(String value) {

    private static final Pattern SHAPE = Pattern.compile("^[a-z0-9][a-z0-9-]{1,39}$");

    public AllianceId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("must be 2-40 lowercase letters, digits or hyphens, such as 'una-europa', was '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
