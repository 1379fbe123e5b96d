package eu.creditbridge.issuer.application;

import eu.creditbridge.issuer.domain.Credential;
import eu.creditbridge.issuer.domain.CredentialSignature;
import eu.creditbridge.issuer.domain.SigningKey;

/** Signs the credential's canonical form (what the contract documents) with the key. */
public interface CredentialSigner {

    CredentialSignature sign(Credential credential, SigningKey key);
}
