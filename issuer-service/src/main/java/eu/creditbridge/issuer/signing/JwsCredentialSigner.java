package eu.creditbridge.issuer.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.OctetKeyPair;
import eu.creditbridge.contract.CredentialCanonicalForm;
import eu.creditbridge.issuer.application.CredentialSigner;
import eu.creditbridge.issuer.domain.Credential;
import eu.creditbridge.issuer.domain.CredentialSignature;
import eu.creditbridge.issuer.domain.SigningKey;
import eu.creditbridge.issuer.messaging.CredentialEventMapping;
import java.text.ParseException;

/**
 * Detached JWS (RFC 7515 Appendix F) over the contract's canonical form of the credential: header
 * {@code {"alg":"EdDSA","kid":...}}, payload = {@link CredentialCanonicalForm#bytes}, serialised compact with
 * the payload part left empty. The contract form is messaging's one mapping of a credential, the same one published.
 */
public class JwsCredentialSigner implements CredentialSigner {

    @Override
    public CredentialSignature sign(Credential credential, SigningKey key) {
        byte[] canonical = CredentialCanonicalForm.bytes(CredentialEventMapping.unsigned(credential));
        try {
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(key.keyId()).build(), new Payload(canonical));
            jws.sign(new Ed25519Signer(OctetKeyPair.parse(key.privateJwk())));
            return new CredentialSignature(key.keyId(), jws.serialize(true));
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException("could not sign credential " + credential.id() + " with key " + key.keyId(), e);
        }
    }
}
