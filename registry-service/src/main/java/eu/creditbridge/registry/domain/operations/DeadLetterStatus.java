package eu.creditbridge.registry.domain.operations;

/** What an operator has done with a dead letter; every dead letter starts as {@link #NEW}. */
public enum DeadLetterStatus {
    NEW, REPLAYED, DISCARDED
}
