package eu.creditbridge.registry.domain;

/** A change that contradicts the current state (already suspended, a ruleset version taken concurrently...). */
public final class ConflictingRegistryChange extends RegistryException {

    public ConflictingRegistryChange(String message) {
        super(message);
    }
}
