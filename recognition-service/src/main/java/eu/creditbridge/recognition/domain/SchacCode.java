package eu.creditbridge.recognition.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** SCHAC home organisation of an institution, e.g. {@code uni.lodz.pl}: a lower-case DNS name. */
public record SchacCode(String value) {

    private static final Pattern DNS_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

    public SchacCode {
        Objects.requireNonNull(value, "SCHAC code is required");
        // Registries and issuers spell the same domain in mixed case; one spelling keeps lookups exact.
        value = value.trim().toLowerCase(Locale.ROOT);
        if (!DNS_NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("not a SCHAC home organisation (a domain name such as uni.lodz.pl): '" + value + "'");
        }
    }

    public static SchacCode of(String value) {
        return new SchacCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
