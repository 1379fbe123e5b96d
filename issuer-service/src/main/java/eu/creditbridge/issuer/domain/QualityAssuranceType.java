package eu.creditbridge.issuer.domain;

/** Type of quality assurance behind the credential (a mandatory element of a micro-credential). */
public enum QualityAssuranceType {
    INTERNAL_INSTITUTIONAL, EXTERNAL_EQAR_AGENCY, PROGRAMME_ACCREDITATION, OTHER
}
