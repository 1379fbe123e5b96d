package eu.creditbridge.issuer.domain;

/** Cycle of the Qualifications Framework of the European Higher Education Area. */
public enum QfEheaCycle {
    SHORT_CYCLE, FIRST_CYCLE, SECOND_CYCLE, THIRD_CYCLE
}
