package eu.creditbridge.registry.domain;

/** Standing of an institution in an alliance. */
public enum MembershipStatus {
    ACTIVE,
    /** Suspended by the network; the suspension's first day tells from when it counts. */
    SUSPENDED
}
