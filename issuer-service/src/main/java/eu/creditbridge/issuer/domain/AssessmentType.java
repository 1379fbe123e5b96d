package eu.creditbridge.issuer.domain;

/** How learning was assessed (a mandatory element of a micro-credential). */
public enum AssessmentType {
    WRITTEN_EXAM, ORAL_EXAM, PRACTICAL_DEMONSTRATION, PROJECT, PORTFOLIO, CONTINUOUS_ASSESSMENT, OTHER
}
