package eu.creditbridge.issuer.domain;

import java.util.regex.Pattern;

/**
 * An institution's SCHAC home organisation, e.g. {@code uni.lodz.pl}: a DNS domain the institution owns.
 *
 * <p>Only the lower-case form is accepted. DNS is case-insensitive, but this code is an identifier
 * used as a Kafka key and in stored records, where {@code Uni.Lodz.PL} and {@code uni.lodz.pl} would
 * otherwise count as two institutions.
 */
public record SchacCode(String value) {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final int MAX_LENGTH = 253;

    public SchacCode {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("must be a SCHAC home organisation such as 'uni.lodz.pl'");
        }
        if (!value.equals(value.toLowerCase(java.util.Locale.ROOT))) {
            throw new InvalidValueException("must be lower-case, e.g. '" + value.toLowerCase(java.util.Locale.ROOT) + "'");
        }
        if (!isDomain(value)) {
            throw new InvalidValueException("must be a domain name such as 'uni.lodz.pl' (labels of a-z, 0-9 and '-', separated by dots)");
        }
    }

    /** Whether the text is a lower-case DNS domain of at least two labels. */
    static boolean isDomain(String text) {
        if (text.length() > MAX_LENGTH) {
            return false;
        }
        String[] labels = text.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        // The top-level domain is never all digits; this keeps IP addresses out.
        return !labels[labels.length - 1].chars().allMatch(Character::isDigit);
    }

    @Override
    public String toString() {
        return value;
    }
}
