package eu.creditbridge.registry.application;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.registry.domain.Institution;
import eu.creditbridge.registry.domain.SigningKey;
import eu.creditbridge.registry.domain.Violations;
import eu.creditbridge.security.Caller;
import java.text.ParseException;
import java.time.Clock;
import java.util.Optional;

/**
 * An issuer lists one of its credential-signing public keys, or closes one (a rotation closes the old key's validity
 * by sending it again with {@code validUntil}). A key id's material is never replaced: sending a listed key id with
 * other material is refused (409) and changes nothing, sending it again unchanged is an idempotent no-op. The key is
 * only listed once its JWK is an Ed25519 public key (RFC 8037 OKP) and the algorithm is EdDSA: recognition trusts
 * whatever the registry lists. Only the institution's admin, the platform admin, or a machine account named among the
 * institution's issuer principals registers its keys. The change is one conditional write of the institution, so it
 * is republished through the institution outbox like any other.
 */
public class RegisteringSigningKey {

    /** The only JWS algorithm credentials are signed with. */
    public static final String EDDSA = JWSAlgorithm.EdDSA.getName();

    private final ChangingInstitution changing;

    public RegisteringSigningKey(InstitutionStore institutions, Clock clock) {
        this.changing = new ChangingInstitution(institutions, clock);
    }

    /** What became of a registration: a new key, a listed key closed, or the same key again (nothing stored). */
    public enum Outcome { CREATED, CHANGED, UNCHANGED }

    public record Registered(SigningKey key, Outcome outcome) {

        public boolean created() {
            return outcome == Outcome.CREATED;
        }
    }

    /**
     * @throws NotPermitted when the caller may not register this institution's keys
     * @throws eu.creditbridge.registry.domain.ConflictingRegistryChange when the key id is listed with other material
     */
    public Registered register(Caller caller, SchacCode schacCode, SigningKey key) {
        Outcome[] outcome = {Outcome.UNCHANGED};
        Institution changed = changing.changeIfDifferent(schacCode, current -> {
            RegistryPermissions.mayRegisterKey(caller, current);
            Optional<SigningKey> listed = current.signingKey(key.keyId());
            // A listed key id sent with other material or algorithm is a swap (409), whatever shape it has; a new one
            // must be a key recognition can verify with (400).
            Institution next = current.withSigningKey(key);
            if (listed.isEmpty()) {
                check(key);
            }
            outcome[0] = listed.isEmpty() ? Outcome.CREATED
                    : listed.equals(next.signingKey(key.keyId())) ? Outcome.UNCHANGED : Outcome.CHANGED;
            return next;
        });
        return new Registered(changed.signingKey(key.keyId()).orElseThrow(), outcome[0]);
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
