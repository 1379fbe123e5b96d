package eu.creditbridge.kernel;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An institution's SCHAC home organisation, e.g. {@code uni.lodz.pl}: a DNS domain the institution owns, in lower
 * case.
 *
 * <p>DNS compares names without case, but this code is a Kafka key and a stored id, where {@code Uni.Lodz.PL} and
 * {@code uni.lodz.pl} would otherwise count as two institutions; so there is one canonical spelling, lower case.
 * {@link #of} (and the constructor) take only that spelling: what an institution's own officer types is corrected at
 * the door, not silently rewritten. {@link #lenient} is for a partner's events and registry entries, which spell the
 * same domain in mixed case or with stray spaces: it trims and lower-cases, then applies the same rules, so what it
 * returns always reads back through {@link #of}.
 *
 * <p>Limits (RFC 1035 §2.3.4, RFC 1123 §2.1): at least two labels; each label 1–63 characters of {@code a-z},
 * {@code 0-9} and {@code -}, not starting or ending with {@code -}; at most 253 characters in all (no trailing dot).
 * The top-level label is letters only, or an internationalised one in its ASCII form ({@code xn--p1ai}): no real
 * top-level domain is numeric or mixes digits into a plain name, and the rule keeps IP addresses out.
 */
public record SchacCode(String value) implements Comparable<SchacCode> {

    static final String TYPE = "SCHAC code";
    public static final int MAX_LENGTH = 253;
    public static final int MAX_LABEL_LENGTH = 63;

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    private static final Pattern TOP_LEVEL = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");
    private static final String EXAMPLE = "uni.lodz.pl";

    public SchacCode {
        String broken = ruleBrokenBy(value);
        if (broken != null) {
            throw new InvalidValue(TYPE, broken);
        }
    }

    /** An institution's code exactly as it must be written: lower case, no spaces. */
    public static SchacCode of(String text) {
        return new SchacCode(text);
    }

    /** A partner's spelling of a code: surrounding white space dropped, upper case folded, then the same rules. */
    public static SchacCode lenient(String text) {
        return new SchacCode(text == null ? null : text.strip().toLowerCase(Locale.ROOT));
    }

    /** Whether the text is a canonical code, without throwing: for the ESI's scope, which may be one. */
    static boolean isCanonical(String text) {
        return ruleBrokenBy(text) == null;
    }

    private static String ruleBrokenBy(String text) {
        if (text == null || text.isBlank()) {
            return "must be a SCHAC home organisation such as '" + EXAMPLE + "'";
        }
        if (!text.equals(text.toLowerCase(Locale.ROOT))) {
            return "must be lower-case, e.g. '" + text.toLowerCase(Locale.ROOT) + "'";
        }
        if (text.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        String[] labels = text.split("\\.", -1);
        if (labels.length < 2) {
            return "must be a domain name of at least two labels, such as '" + EXAMPLE + "'";
        }
        for (String label : labels) {
            if (label.length() > MAX_LABEL_LENGTH) {
                return "must have labels of at most " + MAX_LABEL_LENGTH + " characters";
            }
            if (!LABEL.matcher(label).matches()) {
                return "must be a domain name such as '" + EXAMPLE
                        + "' (labels of a-z, 0-9 and '-', separated by dots)";
            }
        }
        if (!TOP_LEVEL.matcher(labels[labels.length - 1]).matches()) {
            return "must end in a top-level domain of letters, such as 'pl' or 'eu'";
        }
        return null;
    }

    @Override
    public int compareTo(SchacCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
