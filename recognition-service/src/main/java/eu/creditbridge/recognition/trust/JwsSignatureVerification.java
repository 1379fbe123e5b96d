package eu.creditbridge.recognition.trust;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.Institution;
import eu.creditbridge.recognition.domain.IssuerSigningKey;
import eu.creditbridge.recognition.domain.SignatureVerdict;
import eu.creditbridge.recognition.domain.SignatureVerdict.Status;
import eu.creditbridge.recognition.domain.SignatureVerification;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Optional;

/**
 * Verifies the detached JWS (RFC 7515 Appendix F, compact, empty payload part) a credential carries: algorithm
 * EdDSA (Ed25519), {@code kid} naming a key the registry lists for the issuing institution, payload = the
 * credential's canonical form as received. The key must be valid on the credential's issue date; a signature that
 * fits is checked before the date, so a forgery is called a forgery whatever key it names; a key its issuer reported
 * compromised signs nothing dated on or after the compromise (KEY_COMPROMISED).
 */
public class JwsSignatureVerification implements SignatureVerification {

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
        JWSObject jws;
        try {
            jws = JWSObject.parse(compact, new Payload(credential.signedContent().get().getBytes(StandardCharsets.UTF_8)));
        } catch (ParseException | RuntimeException e) {
            return SignatureVerdict.of(Status.MALFORMED, "The signature is not a readable JWS: " + e.getMessage());
        }
        if (!JWSAlgorithm.EdDSA.equals(jws.getHeader().getAlgorithm())) {
            return SignatureVerdict.of(Status.MALFORMED, "The signature uses algorithm " + jws.getHeader().getAlgorithm()
                    + "; credentials are signed with EdDSA (Ed25519) only.");
        }
        String keyId = jws.getHeader().getKeyID();
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
        boolean fits;
        try {
            OctetKeyPair jwk = OctetKeyPair.parse(key.publicKey());
            if (!Curve.Ed25519.equals(jwk.getCurve()) || !JWSAlgorithm.EdDSA.getName().equals(key.algorithm())) {
                return SignatureVerdict.of(Status.UNKNOWN_KEY, "Key " + keyId + " the registry lists for " + credential.issuingInstitution()
                        + " is not an EdDSA/Ed25519 key.");
            }
            fits = jws.verify(new Ed25519Verifier(jwk.toPublicJWK()));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return SignatureVerdict.of(Status.UNKNOWN_KEY, "Key " + keyId + " the registry lists for " + credential.issuingInstitution()
                    + " cannot be used: " + e.getMessage());
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

    /** The {@code kid} a detached JWS names, empty when there is no signature or it cannot be read. */
    public static Optional<String> keyIdOf(String signature) {
        if (signature == null) {
            return Optional.empty();
        }
        try {
            String header = signature.strip().split("\\.", -1)[0];
            return Optional.ofNullable(com.nimbusds.jose.JWSHeader.parse(new com.nimbusds.jose.util.Base64URL(header)).getKeyID())
                    .filter(kid -> !kid.isBlank());
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
