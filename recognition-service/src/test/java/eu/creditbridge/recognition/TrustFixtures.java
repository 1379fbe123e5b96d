package eu.creditbridge.recognition;

import eu.creditbridge.recognition.application.UnknownSigningKeyGrace;
import eu.creditbridge.recognition.domain.SignatureVerdict;
import eu.creditbridge.recognition.domain.SignatureVerification;
import java.time.Clock;
import java.time.Duration;

/**
 * Signature verification stand-ins for tests of the pipeline around the policy: real JWS verification is tested in
 * {@code trust.JwsSignatureVerificationTest} and end to end in system-tests.
 */
public final class TrustFixtures {

    private TrustFixtures() {
    }

    public static final SignatureVerdict VALID = SignatureVerdict.of(SignatureVerdict.Status.VALID,
            "Signed by the issuer with a key valid at the issue date (test).");

    /** Every credential counts as validly signed: for tests about what happens after verification. */
    public static SignatureVerification everySignatureValid() {
        return (credential, issuer) -> VALID;
    }

    public static UnknownSigningKeyGrace keyGrace(Clock clock) {
        return new UnknownSigningKeyGrace(Duration.ofSeconds(4), clock);
    }

    /** A detached JWS whose header names the key, with no real signature: for tests whose verification is stubbed. */
    public static String signatureWithKeyId(String keyId) {
        String header = "{\"alg\":\"EdDSA\",\"kid\":\"" + keyId + "\"}";
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "..c2lnbmF0dXJl";
    }
}
