package eu.creditbridge.issuer.domain;

/** Supervision and identity verification during assessment (an optional element of a micro-credential). */
public enum IdentityVerification {
    UNSUPERVISED_NO_IDENTITY_CHECK,
    SUPERVISED_NO_IDENTITY_CHECK,
    SUPERVISED_ONLINE_WITH_IDENTITY_CHECK,
    SUPERVISED_ON_SITE_WITH_IDENTITY_CHECK
}
