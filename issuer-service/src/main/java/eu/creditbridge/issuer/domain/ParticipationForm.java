package eu.creditbridge.issuer.domain;

/** Form of participation in the learning activity (a mandatory element of a micro-credential). */
public enum ParticipationForm {
    ONLINE, ON_SITE, BLENDED
}
