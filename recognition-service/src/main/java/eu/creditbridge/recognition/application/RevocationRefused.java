package eu.creditbridge.recognition.application;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.domain.Revocation;

/**
 * A revocation sent in the name of an institution that did not issue the credential. It will be refused on every
 * retry, so the listener dead-letters it at once; nothing was written for it.
 */
public class RevocationRefused extends RuntimeException {

    /** The {@code reason} tag of the refused-revocations metric: sent in the name of another institution. */
    public static final String NOT_THE_ISSUER = "not-the-issuer";
    /** The same, found only when the issuance arrived after the revocation had been recorded (and so not dead-lettered). */
    public static final String NOT_THE_ISSUER_RECORDED_EARLY = "not-the-issuer-recorded-early";

    private final Revocation revocation;

    public RevocationRefused(Revocation revocation, SchacCode issuer) {
        super("Revocation of credential " + revocation.credentialId() + " for " + revocation.homeInstitution() + " refused: it was sent in the name of "
                + revocation.issuingInstitution() + ", but the credential was issued by " + issuer
                + "; only the issuing institution may revoke a credential. No record was changed.");
        this.revocation = revocation;
    }

    public Revocation revocation() {
        return revocation;
    }
}
