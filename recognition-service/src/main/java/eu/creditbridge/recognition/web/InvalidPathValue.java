package eu.creditbridge.recognition.web;

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
}
