package eu.creditbridge.issuer.application;

/** A revocation that cannot happen in the credential's current state, with the reason why. */
public class RevocationRefused extends RuntimeException {

    public RevocationRefused(String reason) {
        super(reason);
    }
}
