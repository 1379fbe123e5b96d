package eu.creditbridge.kernel;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A learner's European Student Identifier (ESI), a profile of {@code schacPersonalUniqueCode}.
 *
 * <p>The ESI specification v1.0 (wiki.geant.org, "European Student Identifier") allows two forms:
 * <ul>
 *   <li>nation- or region-wide student code: {@code urn:schac:personalUniqueCode:int:esi:<country-code>:<code>},
 *       where {@code <country-code>} is an ISO 3166-1 alpha-2 code, or an ISO 3166-2 subdivision code such as
 *       {@code es-an};</li>
 *   <li>HEI-wide student code: {@code urn:schac:personalUniqueCode:int:esi:<sHO>:<code>}, where {@code <sHO>} is the
 *       schacHomeOrganization ({@link SchacCode}) of the institution that issued the code.</li>
 * </ul>
 *
 * <p>Canonical form: the prefix as the specification spells it, the scope in lower case, the code verbatim. The SCHAC
 * attribute compares case-insensitively and ISO writes countries in upper case while the specification's examples
 * write them in lower case, so {@link #of} (and the constructor) accept the prefix and scope in any case and fold
 * them; nothing else is rewritten. The code uses the characters RFC 2141 allows in a URN (letters, digits,
 * {@code ()+,-.:=@$_!*'?#}) except {@code /}, {@code ;} and {@code %}-escapes, and the whole value is at most 255
 * characters. Those three are refused because a learner id is a segment of the services' REST paths
 * ({@code /learners/{learnerId}/record}): an encoded slash is refused by the servlet container, a semicolon and an
 * encoded percent by the security firewall, and relaxing those defaults would loosen path handling for every endpoint.
 * RFC 2141 itself reserves {@code /} and asks for it to be escaped; the ESI specification's codes are student numbers. {@link #lenient},
 * for a partner's events, also drops surrounding white space; it applies the same character rule, because the
 * specification makes every ESI a URN and a value one service took and another refused would end in a dead-letter
 * topic. What either factory returns reads back through {@link #of}.
 */
public record EuropeanStudentIdentifier(String value) {

    static final String TYPE = "European Student Identifier";
    public static final String PREFIX = "urn:schac:personalUniqueCode:int:esi:";
    public static final int MAX_LENGTH = 255;
    private static final Pattern SUBDIVISION = Pattern.compile("[a-z]{2}-[a-z0-9]{1,3}");
    private static final Pattern URN_CODE = Pattern.compile("([A-Za-z0-9()+,\\-.:=@;$_!*'/?#]|%[0-9A-Fa-f]{2})+");
    /** RFC 2141's characters that a REST path cannot carry as one segment through the services' servers. */
    private static final Pattern NOT_IN_A_PATH = Pattern.compile("[/;%]");
    private static final String EXAMPLE = PREFIX + "pl:123456";

    public EuropeanStudentIdentifier {
        value = canonical(value);
    }

    /** An identifier as an officer enters it: prefix and scope in any case, no surrounding spaces. */
    public static EuropeanStudentIdentifier of(String text) {
        return new EuropeanStudentIdentifier(text);
    }

    /** A partner's identifier: surrounding white space dropped, then the same rules. */
    public static EuropeanStudentIdentifier lenient(String text) {
        return new EuropeanStudentIdentifier(text == null ? null : text.strip());
    }

    /** The country code, subdivision or sHO that scopes the student code, e.g. {@code pl} or {@code uni.lodz.pl}. */
    public String scope() {
        String rest = value.substring(PREFIX.length());
        return rest.substring(0, rest.indexOf(':'));
    }

    /** The student code itself, verbatim, e.g. {@code 405123}. */
    public String code() {
        String rest = value.substring(PREFIX.length());
        return rest.substring(rest.indexOf(':') + 1);
    }

    private static String canonical(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("must be a European Student Identifier such as '" + EXAMPLE + "'");
        }
        if (text.length() > MAX_LENGTH) {
            throw invalid("must be at most " + MAX_LENGTH + " characters");
        }
        if (!text.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw invalid("must start with '" + PREFIX + "', e.g. '" + EXAMPLE + "'");
        }
        String rest = text.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon <= 0 || colon == rest.length() - 1) {
            throw invalid("must be '" + PREFIX + "<country-code or sHO>:<code>', e.g. '" + EXAMPLE + "'");
        }
        String scope = rest.substring(0, colon).toLowerCase(Locale.ROOT);
        String code = rest.substring(colon + 1);
        if (!isCountry(scope) && !SUBDIVISION.matcher(scope).matches() && !SchacCode.isCanonical(scope)) {
            throw invalid("'" + rest.substring(0, colon) + "' is neither an ISO 3166 country code nor a schacHomeOrganization");
        }
        if (!URN_CODE.matcher(code).matches()) {
            throw invalid("the student code '" + code + "' has characters a URN does not allow (RFC 2141)");
        }
        if (NOT_IN_A_PATH.matcher(code).find()) {
            throw invalid("the student code '" + code + "' has '/', ';' or '%', which a learner's address in the REST API"
                    + " cannot carry");
        }
        return PREFIX + scope + ":" + code;
    }

    private static boolean isCountry(String scope) {
        return scope.length() == 2 && CountryCode.isKnown(scope.toUpperCase(Locale.ROOT));
    }

    private static InvalidValue invalid(String rule) {
        return new InvalidValue(TYPE, rule);
    }

    @Override
    public String toString() {
        return value;
    }
}
