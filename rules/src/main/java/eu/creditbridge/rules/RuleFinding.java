package eu.creditbridge.rules;

import java.util.Objects;

/**
 * Something wrong with a ruleset, found before it is published.
 *
 * @param field JSON-style path of what is wrong, e.g. {@code rules[2].condition}
 */
public record RuleFinding(Kind kind, String field, String message) {

    public enum Kind {
        /** The condition does not parse or type-check. */
        DOES_NOT_COMPILE,
        /** No credential can ever satisfy the rule. */
        NEVER_MATCHES,
        /** Two rules of the same priority can both match one credential. */
        OVERLAPS,
        /** Two rules share an id. */
        DUPLICATE_ID
    }

    public RuleFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
