package eu.creditbridge.registry.domain;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country code, uppercase. */
public record CountryCode(String value) {

    private static final Set<String> ISO_COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    public CountryCode {
        if (value == null || !ISO_COUNTRIES.contains(value)) {
            throw new IllegalArgumentException("must be an ISO 3166-1 alpha-2 code such as 'PL', was '" + value + "'");
        }
    }
}
