package eu.creditbridge.kernel;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A country as an ISO 3166-1 alpha-2 code in upper case, e.g. {@code PL}; the list is the JDK's
 * ({@link Locale#getISOCountries(Locale.IsoCountryCode)}).
 *
 * <p>{@code XK} (Kosovo) is a user-assigned code, not in ISO's list, that the European Commission uses in Erasmus+;
 * it is accepted so Kosovar institutions can take part. The EU's own abbreviations {@code EL} (Greece) and {@code UK}
 * (United Kingdom) are not ISO codes: {@link #of} refuses them with the ISO code to write instead, and
 * {@link #lenient} — for a partner's data, which may follow the EU's style guide — reads them as {@code GR} and
 * {@code GB}, trims and upper-cases.
 */
public record CountryCode(String value) implements Comparable<CountryCode> {

    static final String TYPE = "country code";
    private static final Set<String> KNOWN = knownCodes();
    private static final Map<String, String> EU_ABBREVIATIONS = Map.of("EL", "GR", "UK", "GB");

    public CountryCode {
        if (value == null || !value.matches("[A-Z]{2}")) {
            throw new InvalidValue(TYPE, "must be an ISO 3166-1 alpha-2 country code in upper case, e.g. 'PL'");
        }
        if (EU_ABBREVIATIONS.containsKey(value)) {
            throw new InvalidValue(TYPE, "'" + value + "' is the EU's abbreviation; ISO 3166-1 writes '"
                    + EU_ABBREVIATIONS.get(value) + "'");
        }
        if (!KNOWN.contains(value)) {
            throw new InvalidValue(TYPE, "'" + value + "' is not an ISO 3166-1 alpha-2 country code");
        }
    }

    /** A code exactly as ISO writes it. */
    public static CountryCode of(String text) {
        return new CountryCode(text);
    }

    /** A partner's spelling: trimmed, upper-cased, the EU's EL and UK read as GR and GB, then the same rules. */
    public static CountryCode lenient(String text) {
        if (text == null) {
            return new CountryCode(null);
        }
        String upper = text.strip().toUpperCase(Locale.ROOT);
        return new CountryCode(EU_ABBREVIATIONS.getOrDefault(upper, upper));
    }

    /** Whether the upper-case text is a known code: for the ESI's scope, which may be one. */
    static boolean isKnown(String upperCaseCode) {
        return KNOWN.contains(upperCaseCode);
    }

    private static Set<String> knownCodes() {
        var codes = new HashSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
        codes.add("XK");
        return Set.copyOf(codes);
    }

    @Override
    public int compareTo(CountryCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
