package eu.creditbridge.registry.application;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import eu.creditbridge.registry.domain.Institution;
import eu.creditbridge.registry.domain.SchacCode;
import eu.creditbridge.registry.domain.SigningKey;
import eu.creditbridge.registry.domain.Violations;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * An issuer lists one of its credential-signing public keys, or replaces it (a rotation closes the old key's
 * validity by sending it again with {@code validUntil}). The key is only listed once its JWK is an Ed25519 public
 * key (RFC 8037 OKP) and the algorithm is EdDSA: recognition trusts whatever the registry lists. The change is
 * one conditional write of the institution, so it is republished through the institution outbox like any other.
 */
public class RegisteringSigningKey {

    /** The only JWS algorithm credentials are signed with. */
    public static final String EDDSA = JWSAlgorithm.EdDSA.getName();

    private final ChangingInstitution changing;

    public RegisteringSigningKey(InstitutionStore institutions, Clock clock) {
        this.changing = new ChangingInstitution(institutions, clock);
    }

    public record Registered(SigningKey key, boolean created) {
    }

    public Registered register(SchacCode schacCode, SigningKey key) {
        check(key);
        boolean[] created = {false};
        changing.change(schacCode, current -> {
            List<SigningKey> keys = new ArrayList<>(current.signingKeys());
            int existing = indexOf(keys, key.keyId());
            created[0] = existing < 0;
            if (existing < 0) {
                keys.add(key);
            } else {
                keys.set(existing, key);
            }
            return new Institution(current.schacCode(), current.erasmusCode(), current.name(), current.country(),
                    current.gradingScheme(), current.gradingTable(), keys, current.memberships());
        });
        return new Registered(key, created[0]);
    }

    private static int indexOf(List<SigningKey> keys, String keyId) {
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).keyId().equals(keyId)) {
                return i;
            }
        }
        return -1;
    }

    /** Refuses anything recognition could not verify with, naming each bad field. */
    static void check(SigningKey key) {
        Violations violations = new Violations();
        if (!EDDSA.equals(key.algorithm())) {
            violations.add("algorithm", "must be " + EDDSA + " (Ed25519), was '" + key.algorithm() + "'");
        }
        try {
            OctetKeyPair jwk = OctetKeyPair.parse(key.publicKey());
            if (!Curve.Ed25519.equals(jwk.getCurve())) {
                violations.add("publicKey", "must be an Ed25519 key (\"crv\":\"Ed25519\"), was " + jwk.getCurve());
            } else if (jwk.getDecodedX().length != 32) {
                violations.add("publicKey", "an Ed25519 public key \"x\" is 32 bytes, base64url-encoded; was "
                        + jwk.getDecodedX().length + " bytes");
            }
            if (jwk.isPrivate()) {
                violations.add("publicKey", "contains a private key (\"d\"); send only the public part");
            }
            if (jwk.getKeyID() != null && !jwk.getKeyID().equals(key.keyId())) {
                violations.add("publicKey", "its \"kid\" '" + jwk.getKeyID() + "' differs from the key id '" + key.keyId() + "'");
            }
        } catch (ParseException | RuntimeException e) {
            violations.add("publicKey", "must be a JSON Web Key of type OKP, curve Ed25519 (RFC 8037): " + e.getMessage());
        }
        violations.throwIfAny();
    }
}
