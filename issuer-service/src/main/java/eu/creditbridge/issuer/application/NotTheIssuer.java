package eu.creditbridge.issuer.application;

import eu.creditbridge.kernel.SchacCode;
import java.util.Optional;

/**
 * The caller does not act for the institution that issues the credential, so may not issue, revoke or read it.
 * Carries both institutions so the refusal can name them: "officer@eur.nl acts for eur.nl, not for uni.lodz.pl".
 */
public class NotTheIssuer extends RuntimeException {

    private final Optional<String> callerInstitution;
    private final Optional<SchacCode> issuingInstitution;

    NotTheIssuer(String message, Optional<String> callerInstitution, Optional<SchacCode> issuingInstitution) {
        super(message);
        this.callerInstitution = callerInstitution;
        this.issuingInstitution = issuingInstitution;
    }

    /** The institution the caller is bound to, if any. */
    public Optional<String> callerInstitution() {
        return callerInstitution;
    }

    /** The institution that issues (or issued) the credential; empty for a list that spans institutions. */
    public Optional<SchacCode> issuingInstitution() {
        return issuingInstitution;
    }
}
