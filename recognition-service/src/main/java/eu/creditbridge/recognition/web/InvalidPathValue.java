package eu.creditbridge.recognition.web;

import java.util.function.Function;

/** A path variable the domain refuses; rendered as a 400 problem naming the variable. */
class InvalidPathValue extends RuntimeException {

    private final String field;

    InvalidPathValue(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }

    /** A path value through the domain's parser; a refusal names the variable. */
    static <T> T parse(String field, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidPathValue(field, e.getMessage());
        }
    }
}
