package eu.creditbridge.registry.domain;

import java.util.regex.Pattern;

/** SCHAC home organisation of an institution: its lowercase internet domain, e.g. {@code uni.lodz.pl}. */
public record SchacCode(String value) {

    /** A DNS name of at least two labels, lowercase; labels may hold hyphens but not start or end with one. */
    private static final Pattern SHAPE =
            Pattern.compile("^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");

    public SchacCode {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("must be a lowercase internet domain such as 'uni.lodz.pl', was '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
