package eu.creditbridge.messaging.registry;

/** Compatibility levels of the Confluent Schema Registry API. CreditBridge's contract is BACKWARD. */
public enum CompatibilityLevel {
    NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE
}
