package eu.creditbridge.issuer.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import eu.creditbridge.issuer.application.SigningKeyFactory;
import eu.creditbridge.issuer.domain.SigningKey;
import java.time.LocalDate;

/** Fresh Ed25519 key pairs as JWKs (RFC 8037), made in process; an HSM-backed factory would replace this class. */
public class Ed25519SigningKeyFactory implements SigningKeyFactory {

    @Override
    public SigningKey generate(String keyId, LocalDate validFrom) {
        try {
            OctetKeyPair pair = new OctetKeyPairGenerator(Curve.Ed25519).keyID(keyId).generate();
            return new SigningKey(keyId, pair.toPublicJWK().toJSONString(), pair.toJSONString(), validFrom, null, false);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate an Ed25519 key pair", e);
        }
    }
}
