package eu.creditbridge.recognition.web;

import java.util.List;
import java.util.stream.Collectors;

/** Request values the domain refuses, each with its field; rendered as one 400 problem listing them all. */
class InvalidFields extends RuntimeException {

    record Field(String field, String message) {
    }

    private final List<Field> fields;

    InvalidFields(List<Field> fields) {
        super(fields.stream().map(field -> field.field() + ": " + field.message()).collect(Collectors.joining("; ")));
        this.fields = List.copyOf(fields);
    }

    List<Field> fields() {
        return fields;
    }
}
