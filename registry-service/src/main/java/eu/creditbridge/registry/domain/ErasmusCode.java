package eu.creditbridge.registry.domain;

import java.util.regex.Pattern;

/**
 * Erasmus institution code, e.g. {@code PL LODZ01}, {@code D  BOCHUM01}, {@code IRLCORK01}: a country
 * prefix of one to three letters padded with spaces, a city abbreviation and a two-digit number.
 */
public record ErasmusCode(String value) {

    private static final Pattern SHAPE = Pattern.compile("^[A-Z]{1,3} {0,2}[A-Z][A-Z-]{0,7}[0-9]{2,3}$");

    public ErasmusCode {
        if (value == null || value.length() > 13 || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("must look like an Erasmus code such as 'PL LODZ01', was '" + value + "'");
        }
    }
}
