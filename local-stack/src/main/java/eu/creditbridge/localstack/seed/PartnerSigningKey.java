package eu.creditbridge.localstack.seed;

import eu.creditbridge.localstack.SecretFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Base64;
import java.util.UUID;

/**
 * The Ed25519 signing key of a partner university's own issuer, as {@code seed} plays it: generated once per state
 * folder and issuer, its private JWK kept in {@code <state>/secrets/} (readable by the owner only, never in git), its
 * public JWK registered at the registry like any partner's.
 *
 * <p>Signs detached JWS (RFC 7515 Appendix F) with header {@code {"alg":"EdDSA","kid":...}}, the form issuer-service's
 * {@code JwsCredentialSigner} writes. The JDK's own Ed25519 (RFC 8032) is enough, so the launcher needs no JOSE library.
 */
final class PartnerSigningKey {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();
    private static final int KEY_BYTES = 32;

    private final String keyId;
    private final PrivateKey privateKey;
    private final byte[] publicKey;
    private final String encodedHeader;

    private PartnerSigningKey(String keyId, PrivateKey privateKey, byte[] publicKey) {
        this.keyId = keyId;
        this.privateKey = privateKey;
        this.publicKey = publicKey.clone();
        ObjectNode header = JSON.createObjectNode().put("alg", "EdDSA").put("kid", keyId);
        this.encodedHeader = BASE64URL.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A new key for {@code issuer}, not stored anywhere. */
    static PartnerSigningKey generate(String issuer) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            String keyId = issuer + "-seed-" + UUID.randomUUID().toString().substring(0, 8);
            return new PartnerSigningKey(keyId, pair.getPrivate(), encode(((EdECPublicKey) pair.getPublic()).getPoint()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate Ed25519 keys", e);
        }
    }

    /** The key kept in {@code file}, or a new one written there first (0600, in a 0700 folder). */
    static PartnerSigningKey loadOrCreate(Path file, String issuer) {
        try {
            if (Files.exists(file)) {
                return fromPrivateJwk(Files.readString(file));
            }
            PartnerSigningKey key = generate(issuer);
            SecretFiles.writePrivate(file, key.privateJwk());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the seed signing key in " + file, e);
        }
    }


    static PartnerSigningKey fromPrivateJwk(String jwk) {
        try {
            JsonNode json = JSON.readTree(jwk);
            if (!"OKP".equals(json.path("kty").asText()) || !"Ed25519".equals(json.path("crv").asText())) {
                throw new IllegalArgumentException("not an Ed25519 JWK (kty OKP, crv Ed25519)");
            }
            byte[] d = BASE64URL_DECODER.decode(json.path("d").asText());
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, d));
            return new PartnerSigningKey(json.path("kid").asText(), privateKey, BASE64URL_DECODER.decode(json.path("x").asText()));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the seed signing key: " + e.getMessage(), e);
        }
    }

    String keyId() {
        return keyId;
    }

    /** The public JWK text (RFC 8037), what the registry lists and recognition verifies with. */
    String publicJwk() {
        return JSON.createObjectNode().put("crv", "Ed25519").put("kid", keyId).put("kty", "OKP")
                .put("x", BASE64URL.encodeToString(publicKey)).toString();
    }

    String privateJwk() {
        byte[] d = ((EdECPrivateKey) privateKey).getBytes()
                .orElseThrow(() -> new IllegalStateException("the private key's bytes are not extractable"));
        return JSON.createObjectNode().put("crv", "Ed25519").put("d", BASE64URL.encodeToString(d)).put("kid", keyId)
                .put("kty", "OKP").put("x", BASE64URL.encodeToString(publicKey)).toString();
    }

    /** Detached compact JWS over {@code payload}: {@code header..signature}. */
    String signDetached(byte[] payload) {
        String signingInput = encodedHeader + "." + BASE64URL.encodeToString(payload);
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return encodedHeader + ".." + BASE64URL.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign with key " + keyId, e);
        }
    }

    /** The public key as the JDK verifies with it, from the JWK's {@code x}: what a recipient reconstructs. */
    static PublicKey publicKeyOf(String publicJwk) {
        try {
            byte[] x = BASE64URL_DECODER.decode(JSON.readTree(publicJwk).path("x").asText());
            return KeyFactory.getInstance("Ed25519").generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, decode(x)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public JWK: " + e.getMessage(), e);
        }
    }

    /** RFC 8032 §5.1.2: y little-endian in 32 bytes, the top bit of the last byte the parity of x. */
    private static byte[] encode(EdECPoint point) {
        byte[] bigEndian = point.getY().toByteArray();
        byte[] out = new byte[KEY_BYTES];
        for (int i = 0; i < bigEndian.length && i < KEY_BYTES; i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        if (point.isXOdd()) {
            out[KEY_BYTES - 1] |= (byte) 0x80;
        }
        return out;
    }

    private static EdECPoint decode(byte[] encoded) {
        if (encoded.length != KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, this one " + encoded.length);
        }
        boolean xOdd = (encoded[KEY_BYTES - 1] & 0x80) != 0;
        byte[] bigEndian = new byte[KEY_BYTES];
        for (int i = 0; i < KEY_BYTES; i++) {
            bigEndian[i] = encoded[KEY_BYTES - 1 - i];
        }
        bigEndian[0] &= 0x7f;
        return new EdECPoint(xOdd, new BigInteger(1, bigEndian));
    }
}
