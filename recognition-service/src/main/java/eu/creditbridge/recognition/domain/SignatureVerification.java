package eu.creditbridge.recognition.domain;

import java.util.Optional;

/** Verifies a credential's signature against the keys the registry lists for its issuer, at its issue date. */
public interface SignatureVerification {

    /** @param issuer the issuing institution from the registry view, empty when the view does not list it */
    SignatureVerdict verify(Credential credential, Optional<Institution> issuer);
}
