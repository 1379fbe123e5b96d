package eu.creditbridge.issuer.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A learner's European Student Identifier (ESI), a profile of {@code schacPersonalUniqueCode}.
 *
 * <p>The ESI specification v1.0 (wiki.geant.org, "European Student Identifier") allows two forms:
 * <ul>
 *   <li>nation- or region-wide student code: {@code urn:schac:personalUniqueCode:int:esi:<country-code>:<code>},
 *       where {@code <country-code>} is an ISO 3166-1 alpha-2 code, or an ISO 3166-2 subdivision code
 *       such as {@code es-an};</li>
 *   <li>HEI-wide student code: {@code urn:schac:personalUniqueCode:int:esi:<sHO>:<code>}, where
 *       {@code <sHO>} is the schacHomeOrganization of the institution that issued the code.</li>
 * </ul>
 * {@code <code>} uses the characters RFC 2141 allows in a URN, and the whole value is at most 255
 * characters. The SCHAC attribute compares case-insensitively, and ISO writes country codes in upper
 * case while the specification's examples write them in lower case, so both are accepted. Because the
 * value is also the Kafka key and the stored learner id, it is kept in one canonical form: the prefix
 * as the specification spells it, the country code or sHO in lower case, the code itself verbatim.
 */
public record EuropeanStudentIdentifier(String value) {

    public static final String PREFIX = "urn:schac:personalUniqueCode:int:esi:";
    private static final int MAX_LENGTH = 255;
    private static final Pattern SUBDIVISION = Pattern.compile("[a-z]{2}-[a-z0-9]{1,3}");
    private static final Pattern CODE = Pattern.compile("([A-Za-z0-9()+,\\-.:=@;$_!*'/?#]|%[0-9A-Fa-f]{2})+");
    private static final String EXAMPLE = PREFIX + "pl:123456";

    public EuropeanStudentIdentifier {
        value = canonical(value);
    }

    /** The country code or sHO that scopes the student code, e.g. {@code pl} or {@code uni.lodz.pl}. */
    public String scope() {
        String rest = value.substring(PREFIX.length());
        return rest.substring(0, rest.indexOf(':'));
    }

    private static String canonical(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("must be a European Student Identifier such as '" + EXAMPLE + "'");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidValueException("must be at most " + MAX_LENGTH + " characters");
        }
        if (!text.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw new InvalidValueException("must start with '" + PREFIX + "', e.g. '" + EXAMPLE + "'");
        }
        String rest = text.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon <= 0 || colon == rest.length() - 1) {
            throw new InvalidValueException("must be '" + PREFIX + "<country-code or sHO>:<code>', e.g. '" + EXAMPLE + "'");
        }
        String scope = rest.substring(0, colon).toLowerCase(Locale.ROOT);
        String code = rest.substring(colon + 1);
        if (!isCountryScope(scope) && !SUBDIVISION.matcher(scope).matches() && !SchacCode.isDomain(scope)) {
            throw new InvalidValueException("'" + rest.substring(0, colon)
                    + "' is neither an ISO 3166 country code nor a schacHomeOrganization");
        }
        if (!CODE.matcher(code).matches()) {
            throw new InvalidValueException("the student code '" + code + "' has characters a URN does not allow (RFC 2141)");
        }
        return PREFIX + scope + ":" + code;
    }

    private static boolean isCountryScope(String scope) {
        return scope.length() == 2 && CountryCode.isKnown(scope.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
