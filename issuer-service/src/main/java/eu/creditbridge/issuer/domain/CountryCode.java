package eu.creditbridge.issuer.domain;

import java.util.Locale;
import java.util.Set;

/**
 * A country as an officially assigned ISO 3166-1 alpha-2 code in upper case, e.g. {@code PL}.
 *
 * <p>{@code XK} (Kosovo) is a user-assigned code, not in ISO's list, that the European Commission
 * uses in Erasmus+; it is accepted so Kosovar institutions can take part.
 */
public record CountryCode(String value) {

    private static final Set<String> KNOWN = knownCodes();

    public CountryCode {
        if (value == null || !value.matches("[A-Z]{2}")) {
            throw new InvalidValueException("must be an ISO 3166-1 alpha-2 country code in upper case, e.g. 'PL'");
        }
        if (!KNOWN.contains(value)) {
            throw new InvalidValueException("'" + value + "' is not an ISO 3166-1 alpha-2 country code");
        }
    }

    static boolean isKnown(String upperCaseCode) {
        return KNOWN.contains(upperCaseCode);
    }

    private static Set<String> knownCodes() {
        var codes = new java.util.HashSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
        codes.add("XK");
        return Set.copyOf(codes);
    }

    @Override
    public String toString() {
        return value;
    }
}
