package eu.creditbridge.recognition.domain;

/** Status of an institution in an alliance, as the network sets it. */
public enum MembershipStatus {
    ACTIVE,
    SUSPENDED
}
