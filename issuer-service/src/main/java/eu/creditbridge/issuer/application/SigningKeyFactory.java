package eu.creditbridge.issuer.application;

import eu.creditbridge.issuer.domain.SigningKey;
import java.time.LocalDate;

/** Makes a fresh Ed25519 key pair (in production: asks the HSM to). */
public interface SigningKeyFactory {

    SigningKey generate(String keyId, LocalDate validFrom);
}
