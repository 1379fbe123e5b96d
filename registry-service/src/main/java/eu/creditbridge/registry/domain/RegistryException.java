package eu.creditbridge.registry.domain;

/** What the registry refuses, as one family so the web edge maps each kind to one problem type. */
public abstract sealed class RegistryException extends RuntimeException
        permits InvalidRegistryEntry, UnknownRegistryEntry, ConflictingRegistryChange {

    protected RegistryException(String message) {
        super(message);
    }
}
