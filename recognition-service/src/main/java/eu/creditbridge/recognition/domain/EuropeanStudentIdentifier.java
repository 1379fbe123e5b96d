package eu.creditbridge.recognition.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/** European Student Identifier: {@code urn:schac:personalUniqueCode:int:esi:<cc>:<code>}. */
public record EuropeanStudentIdentifier(String value) {

    private static final Pattern ESI =
            Pattern.compile("(?i)urn:schac:personalUniqueCode:int:esi:[a-z]{2}:[^\\s/]+");

    public EuropeanStudentIdentifier {
        Objects.requireNonNull(value, "European Student Identifier is required");
        value = value.trim();
        if (!ESI.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "not a European Student Identifier (urn:schac:personalUniqueCode:int:esi:<cc>:<code>): '" + value + "'");
        }
    }

    public static EuropeanStudentIdentifier of(String value) {
        return new EuropeanStudentIdentifier(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
