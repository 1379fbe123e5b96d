package eu.creditbridge.systemtests;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.contract.CredentialCanonicalForm;
import eu.creditbridge.contract.CredentialIssued;
import eu.creditbridge.contract.InstitutionUpdated;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The signing key of a partner's own issuer for the University of Lodz (not the issuer-service's key): generated once
 * per test run, registered at the registry over REST like any issuer would, and awaited on the institutions topic so
 * recognition can know it. Credentials the tests put straight on the topic are signed with it.
 */
final class PartnerSigningKey {

    static final String KEY_ID = "uni.lodz.pl-partner-test-" + UUID.randomUUID().toString().substring(0, 8);

    private static OctetKeyPair key;

    private PartnerSigningKey() {
    }

    /** The key, registered (once per run) and published by the registry. */
    static synchronized OctetKeyPair get() {
        if (key == null) {
            OctetKeyPair generated = generate(KEY_ID);
            register(Credentials.LODZ, generated, LocalDate.of(2000, 1, 1), null);
            key = generated;
        }
        return key;
    }

    static OctetKeyPair generate(String keyId) {
        try {
            return new OctetKeyPairGenerator(Curve.Ed25519).keyID(keyId).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** PUT at the registry as the institution's admin (admin@<schac>, a demo person), then wait until the registry published the institution with that key in that validity. */
    static void register(String institution, OctetKeyPair key, LocalDate validFrom, LocalDate validUntil) {
        String body = "{\"algorithm\":\"EdDSA\",\"publicKey\":" + JsonApi.json().valueToTree(key.toPublicJWK().toJSONString())
                + ",\"validFrom\":\"" + validFrom + "\"" + (validUntil == null ? "" : ",\"validUntil\":\"" + validUntil + "\"") + "}";
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(EmbeddedStack.get().registry().url() + "/api/institutions/" + institution + "/signing-keys/" + key.getKeyID()))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            ("admin@" + institution + ":demo").getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new AssertionError("registry refused key " + key.getKeyID() + ": " + response.statusCode() + " " + response.body());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        EmbeddedStack.kafka().awaitRecord(ContractTopic.INSTITUTIONS.topic(), record -> record.value() instanceof InstitutionUpdated updated
                && updated.getSchacCode().equals(institution)
                && updated.getSigningKeys().stream().anyMatch(k -> k.getKeyId().equals(key.getKeyID())
                        && java.util.Objects.equals(k.getValidUntil(), validUntil)), Duration.ofSeconds(60));
    }

    /** The credential with a detached JWS over its canonical form, as the contract documents. */
    static CredentialIssued signed(CredentialIssued credential, OctetKeyPair key) {
        try {
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(key.getKeyID()).build(),
                    new Payload(CredentialCanonicalForm.bytes(credential)));
            jws.sign(new Ed25519Signer(key));
            return CredentialIssued.newBuilder(credential).setSignature(jws.serialize(true)).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
