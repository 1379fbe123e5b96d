package eu.creditbridge.kernel;

/**
 * A text or number refused by one of the kernel's types: the one exception they all throw.
 *
 * <p>The message is the {@link #rule() rule}, written for the person who sent the value, so a service can show it
 * as it is next to the request field it came from (its RFC 9457 problem names the field; the kernel cannot know it).
 * {@link #valueType()} says which kind of value was refused, for logs and for services that report by type.
 */
public final class InvalidValue extends IllegalArgumentException {

    private final String valueType;
    private final String rule;

    InvalidValue(String valueType, String rule) {
        super(rule);
        this.valueType = valueType;
        this.rule = rule;
    }

    /** What was refused, in the field's words: {@code SCHAC code}, {@code ECTS credits}... */
    public String valueType() {
        return valueType;
    }

    /** The rule the value broke, e.g. {@code must be lower-case, e.g. 'uni.lodz.pl'}. */
    public String rule() {
        return rule;
    }
}
