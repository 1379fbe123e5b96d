package eu.creditbridge.benchmarks;

import com.google.crypto.tink.subtle.Ed25519Verify;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The bare Ed25519 verifiers a JWS of a credential could be checked with, on the same signing input as
 * {@link RulesetDecisionBenchmark}'s credential: the JDK's own ({@code Signature.getInstance("Ed25519")}), Tink's (what
 * Nimbus' {@link Ed25519Verifier} delegates to), and BouncyCastle's lightweight one. Only the signature arithmetic: the
 * key is decoded and the JWS parsed once, at set-up. Nimbus' whole {@code JWSObject.verify} is measured beside them.
 *
 * <p>BouncyCastle's {@link Ed25519PublicKeyParameters} (1.87) keeps the key's decompressed curve point
 * ({@code Ed25519.PublicPoint}) once constructed; recognition-service's {@code JwsSignatureVerification} keeps those
 * objects per key, so the bare figure and the pipeline's use the same best practice and their ratio is fair.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Ed25519VerifierBenchmark {

    /** ASN.1 prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the 32 key bytes follow it. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private byte[] publicKey;
    private byte[] signingInput;
    private byte[] signature;
    private PublicKey jdkKey;
    private Ed25519Verify tink;
    private Ed25519PublicKeyParameters bouncyCastleKey;
    private JWSObject jws;
    private Ed25519Verifier nimbus;

    @Setup
    public void prepare() throws Exception {
        OctetKeyPair key = new OctetKeyPairGenerator(Curve.Ed25519).keyID("uni.lodz.pl-2025-bench").generate();
        JWSObject signed = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(key.getKeyID()).build(),
                new Payload(RulesetDecisionBenchmark.signedContent().getBytes(StandardCharsets.UTF_8)));
        signed.sign(new Ed25519Signer(key));
        jws = JWSObject.parse(signed.serialize(true), signed.getPayload());
        signingInput = jws.getSigningInput();
        signature = jws.getSignature().decode();
        publicKey = key.getDecodedX();

        byte[] encoded = new byte[X509_PREFIX.length + publicKey.length];
        System.arraycopy(X509_PREFIX, 0, encoded, 0, X509_PREFIX.length);
        System.arraycopy(publicKey, 0, encoded, X509_PREFIX.length, publicKey.length);
        jdkKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        tink = new Ed25519Verify(publicKey);
        bouncyCastleKey = new Ed25519PublicKeyParameters(publicKey);
        nimbus = new Ed25519Verifier(key.toPublicJWK());

        if (!(jdk() && tink() && bouncyCastle() && nimbusJws())) {
            throw new IllegalStateException("a verifier refuses the benchmark signature");
        }
    }

    @Benchmark
    public boolean jdk() throws GeneralSecurityException {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(jdkKey);
        verifier.update(signingInput);
        return verifier.verify(signature);
    }

    @Benchmark
    public boolean tink() {
        try {
            tink.verify(signature, signingInput);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Benchmark
    public boolean bouncyCastle() {
        return bouncyCastleKey.verify(org.bouncycastle.math.ec.rfc8032.Ed25519.Algorithm.Ed25519, null,
                signingInput, 0, signingInput.length, signature, 0);
    }

    /** Nimbus' JWSObject.verify with its Ed25519Verifier (Tink inside), as recognition-service used it. */
    @Benchmark
    public boolean nimbusJws() throws Exception {
        return jws.verify(nimbus);
    }
}
