package eu.creditbridge.recognition.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * European Student Identifier: {@code urn:schac:personalUniqueCode:int:esi:<scope>:<code>}, where the scope is an
 * ISO 3166-1 country code, an ISO 3166-2 subdivision, or the schacHomeOrganization of the institution that issued
 * the code (ESI specification v1.0). Kept in the issuer's canonical form — prefix as the specification spells it,
 * scope in lower case, code verbatim — because it is the Kafka key and the learner-record id.
 */
public record EuropeanStudentIdentifier(String value) {

    private static final String PREFIX = "urn:schac:personalUniqueCode:int:esi:";
    private static final Pattern ESI = Pattern.compile(
            "(?i)urn:schac:personalUniqueCode:int:esi:([a-z]{2}(?:-[a-z0-9]{1,3})?|[a-z0-9-]+(?:\\.[a-z0-9-]+)+):([^\\s/]+)");

    public EuropeanStudentIdentifier {
        Objects.requireNonNull(value, "European Student Identifier is required");
        Matcher matcher = ESI.matcher(value.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a European Student Identifier "
                    + "(urn:schac:personalUniqueCode:int:esi:<country or schacHomeOrganization>:<code>): '" + value + "'");
        }
        value = PREFIX + matcher.group(1).toLowerCase(Locale.ROOT) + ":" + matcher.group(2);
    }

    public static EuropeanStudentIdentifier of(String value) {
        return new EuropeanStudentIdentifier(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
