package eu.creditbridge.recognition.trust;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.Institution;
import eu.creditbridge.recognition.domain.IssuerSigningKey;
import eu.creditbridge.recognition.domain.SignatureVerdict;
import eu.creditbridge.recognition.domain.SignatureVerdict.Status;
import eu.creditbridge.recognition.domain.SignatureVerification;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Verifies the detached JWS (RFC 7515 Appendix F, compact, empty payload part) a credential carries: algorithm
 * EdDSA (Ed25519), {@code kid} naming a key the registry lists for the issuing institution, payload = the
 * credential's canonical form as received. The key must be valid on the credential's issue date; a signature that
 * fits is checked before the date, so a forgery is called a forgery whatever key it names; a key its issuer reported
 * compromised signs nothing dated on or after the compromise (KEY_COMPROMISED).
 *
 * <p>Nimbus reads the JWS header and the JWK; the Ed25519 arithmetic is BouncyCastle's, the fastest of the JDK's, Tink's
 * (Nimbus' own verifier) and BouncyCastle's in {@code benchmarks/Ed25519VerifierBenchmark} (about three times Tink's).
 * Headers and keys repeat for every credential an institution signs with one key, so both are kept once read
 * (a decoded key also keeps its decompressed curve point): the verification is then almost only the arithmetic.
 */
public class JwsSignatureVerification implements SignatureVerification {

    /** Distinct headers and keys seen: a few per institution, so this bounds memory, not the hit rate. */
    private static final int CACHED = 10_000;

    private static final Base64.Encoder PAYLOAD_ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final Cache<String, JWSHeader> headers = Caffeine.newBuilder().maximumSize(CACHED).build();
    private final Cache<String, Optional<Ed25519PublicKeyParameters>> keys = Caffeine.newBuilder().maximumSize(CACHED).build();

    @Override
    public SignatureVerdict verify(Credential credential, Optional<Institution> issuer) {
        if (credential.signature().isEmpty()) {
            return SignatureVerdict.of(Status.UNSIGNED, "The credential carries no signature.");
        }
        if (credential.signedContent().isEmpty()) {
            return SignatureVerdict.of(Status.MALFORMED, "The credential's signed content could not be formed, so the signature cannot be checked.");
        }
        String compact = credential.signature().get().strip();
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3 || !parts[1].isEmpty()) {
            return SignatureVerdict.of(Status.MALFORMED, "The signature is not a detached JWS in compact form (header..signature).");
        }
        JWSHeader header;
        byte[] signature;
        try {
            header = headers.get(parts[0], JwsSignatureVerification::header);
            signature = Base64.getUrlDecoder().decode(parts[2]);
        } catch (RuntimeException e) {
            return SignatureVerdict.of(Status.MALFORMED, "The signature is not a readable JWS: " + rootMessage(e));
        }
        if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
            return SignatureVerdict.of(Status.MALFORMED, "The signature uses algorithm " + header.getAlgorithm()
                    + "; credentials are signed with EdDSA (Ed25519) only.");
        }
        String keyId = header.getKeyID();
        if (keyId == null || keyId.isBlank()) {
            return SignatureVerdict.of(Status.MALFORMED, "The signature names no key (no 'kid' in its header).");
        }
        if (issuer.isEmpty()) {
            return SignatureVerdict.of(Status.UNKNOWN_KEY, "Key " + keyId + " cannot be looked up: the registry does not list the issuing institution "
                    + credential.issuingInstitution() + ".");
        }
        Optional<IssuerSigningKey> listed = issuer.get().signingKey(keyId);
        if (listed.isEmpty()) {
            return SignatureVerdict.of(Status.UNKNOWN_KEY, "The registry lists no key " + keyId + " for " + credential.issuingInstitution() + ".");
        }
        IssuerSigningKey key = listed.get();
        if (!JWSAlgorithm.EdDSA.getName().equals(key.algorithm())) {
            return notEd25519(credential, keyId);
        }
        boolean fits;
        try {
            Optional<Ed25519PublicKeyParameters> ed25519 = keys.get(key.publicKey(), JwsSignatureVerification::ed25519Key);
            if (ed25519.isEmpty()) {
                return notEd25519(credential, keyId);
            }
            byte[] signingInput = signingInput(parts[0], credential.signedContent().get());
            // A header naming critical parameters (RFC 7515 4.1.11; b64=false of RFC 7797 among them) asks for processing
            // this verifier does not do: it fits nothing, as Nimbus' own verifier decides.
            boolean understood = header.getCriticalParams() == null || header.getCriticalParams().isEmpty();
            fits = understood && signature.length == Ed25519.SIGNATURE_SIZE && ed25519.get().verify(Ed25519.Algorithm.Ed25519, null,
                    signingInput, 0, signingInput.length, signature, 0);
        } catch (RuntimeException e) {
            return SignatureVerdict.of(Status.UNKNOWN_KEY, "Key " + keyId + " the registry lists for " + credential.issuingInstitution()
                    + " cannot be used: " + rootMessage(e));
        }
        if (!fits) {
            return SignatureVerdict.of(Status.INVALID_SIGNATURE, "The signature does not fit the credential under key " + keyId + " of "
                    + credential.issuingInstitution() + ": it was forged, or the credential was changed after it was signed.");
        }
        return verdictForFittingKey(credential, key);
    }

    /**
     * A signature that fits under a listed key still counts only for the issue dates the key signs for, and never
     * on or after a reported compromise: the same judgement for a JWS and an XML signature.
     */
    static SignatureVerdict verdictForFittingKey(Credential credential, IssuerSigningKey key) {
        String keyId = key.keyId();
        if (key.compromisedFor(credential.issuedOn())) {
            return SignatureVerdict.of(Status.KEY_COMPROMISED, "Key " + keyId + " of " + credential.issuingInstitution()
                    + " was reported compromised from " + key.compromisedFrom().orElseThrow() + " and the credential is dated "
                    + credential.issuedOn() + ": whoever holds the stolen key could have signed it.");
        }
        if (!key.signsFor(credential.issuedOn())) {
            return SignatureVerdict.of(Status.KEY_NOT_VALID_AT_ISSUE_DATE, "Key " + keyId + " of " + credential.issuingInstitution() + " is "
                    + key.describeValidity() + ", which does not cover the issue date " + credential.issuedOn() + ".");
        }
        return SignatureVerdict.of(Status.VALID, "Signed by " + credential.issuingInstitution() + " with key " + keyId + ", "
                + key.describeValidity() + ", covering the issue date " + credential.issuedOn() + ".");
    }

    /*
     * ASCII(header '.' BASE64URL(payload)) (RFC 7515 5.2), formed in one array: through strings it took four copies of
     * the encoded payload, a tenth of the verification step's own cost beside the arithmetic.
     */
    private static byte[] signingInput(String encodedHeader, String payload) {
        byte[] header = encodedHeader.getBytes(StandardCharsets.US_ASCII);
        byte[] encodedPayload = PAYLOAD_ENCODER.encode(payload.getBytes(StandardCharsets.UTF_8));
        byte[] input = new byte[header.length + 1 + encodedPayload.length];
        System.arraycopy(header, 0, input, 0, header.length);
        input[header.length] = '.';
        System.arraycopy(encodedPayload, 0, input, header.length + 1, encodedPayload.length);
        return input;
    }

    private static JWSHeader header(String encoded) {
        try {
            return JWSHeader.parse(new Base64URL(encoded));
        } catch (ParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The key as BouncyCastle reads it, or empty when the JWK is not an Ed25519 key. */
    private static Optional<Ed25519PublicKeyParameters> ed25519Key(String jwk) {
        try {
            OctetKeyPair key = OctetKeyPair.parse(jwk);
            if (!Curve.Ed25519.equals(key.getCurve())) {
                return Optional.empty();
            }
            return Optional.of(new Ed25519PublicKeyParameters(key.getDecodedX()));
        } catch (ParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static SignatureVerdict notEd25519(Credential credential, String keyId) {
        return SignatureVerdict.of(Status.UNKNOWN_KEY, "Key " + keyId + " the registry lists for " + credential.issuingInstitution()
                + " is not an EdDSA/Ed25519 key.");
    }

    private static String rootMessage(RuntimeException e) {
        return e instanceof IllegalArgumentException && e.getCause() instanceof ParseException parse ? parse.getMessage() : e.getMessage();
    }

    /** The {@code kid} a detached JWS names, empty when there is no signature or it cannot be read. */
    public static Optional<String> keyIdOf(String signature) {
        if (signature == null) {
            return Optional.empty();
        }
        try {
            String header = signature.strip().split("\\.", -1)[0];
            return Optional.ofNullable(JWSHeader.parse(new Base64URL(header)).getKeyID())
                    .filter(kid -> !kid.isBlank());
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
