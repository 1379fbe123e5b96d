package eu.creditbridge.registry.domain;

import java.util.Objects;

/** One reason an entry was refused, naming the field (a JSON-style path such as {@code gradingTable.bands}). */
public record Violation(String field, String message) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
