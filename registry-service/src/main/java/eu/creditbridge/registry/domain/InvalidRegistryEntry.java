package eu.creditbridge.registry.domain;

import java.util.List;

/** An entry that breaks a registry rule; carries every violation found, not just the first. */
public final class InvalidRegistryEntry extends RegistryException {

    private final List<Violation> violations;

    public InvalidRegistryEntry(List<Violation> violations) {
        super("Invalid registry entry: " + violations);
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid entry names at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public static InvalidRegistryEntry of(String field, String message) {
        return new InvalidRegistryEntry(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
