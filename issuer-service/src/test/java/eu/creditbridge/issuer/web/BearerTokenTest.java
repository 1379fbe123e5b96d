package eu.creditbridge.issuer.web;

import static eu.creditbridge.issuer.CredentialFixtures.courseResultFromLodzJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mongodb.client.MongoDatabase;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import eu.creditbridge.issuer.IssuerSpringTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Production callers bring OAuth2 bearer tokens: JWTs checked against the provider's JWK set, role and institution
 * from its claims. No provider here: a test key signs the tokens and a JDK HTTP server on 127.0.0.1 serves its JWK set.
 */
@IssuerSpringTest
class BearerTokenTest {

    private static final RSAKey PROVIDER_KEY = rsaKey("test-provider-key");
    private static final RSAKey SOMEONE_ELSES_KEY = rsaKey("test-provider-key");
    private static final HttpServer PROVIDER = jwkSetServer(new JWKSet(PROVIDER_KEY.toPublicJWK()));

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://127.0.0.1:" + PROVIDER.getAddress().getPort() + "/jwks");
    }

    @AfterAll
    static void stop() {
        PROVIDER.stop(0);
    }

    @Autowired
    MockMvc http;

    @Autowired
    MongoDatabase issuerDatabase;

    @Test
    void anIssuingOfficersTokenIssuesAsItsInstitution() throws Exception {
        String token = token(PROVIDER_KEY, Map.of("roles", List.of("issuing_officer"), "schac_home_organization", "uni.lodz.pl"));

        issue(token, courseResultFromLodzJson())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.credential.issuingInstitution").value("uni.lodz.pl"));
    }

    @Test
    void anIssuingOfficersTokenIsRefusedForAnotherInstitutionAndNothingIsStored() throws Exception {
        String token = token(PROVIDER_KEY, Map.of("roles", List.of("issuing_officer"), "schac_home_organization", "eur.nl"));
        long before = credentials();

        issue(token, courseResultFromLodzJson())
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.callerInstitution").value("eur.nl"))
                .andExpect(jsonPath("$.issuingInstitution").value("uni.lodz.pl"));
        assertThat(credentials()).isEqualTo(before);
    }

    @Test
    void aTokenSignedByAnotherKeyIsNotACaller() throws Exception {
        String forged = token(SOMEONE_ELSES_KEY, Map.of("roles", List.of("issuing_officer"), "schac_home_organization", "uni.lodz.pl"));
        long before = credentials();

        issue(forged, courseResultFromLodzJson()).andExpect(status().isUnauthorized());
        assertThat(credentials()).isEqualTo(before);
    }

    @Test
    void anOfficerRoleWithoutAnInstitutionClaimIsNotGranted() throws Exception {
        String unscoped = token(PROVIDER_KEY, Map.of("roles", List.of("issuing_officer")));

        issue(unscoped, courseResultFromLodzJson()).andExpect(status().isForbidden());
    }

    private ResultActions issue(String token, String json) throws Exception {
        return http.perform(post("/api/credentials").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private long credentials() {
        return issuerDatabase.getCollection("credentials").countDocuments();
    }

    private static String token(RSAKey key, Map<String, Object> claims) throws Exception {
        var builder = new JWTClaimsSet.Builder().subject("officer-" + key.getKeyID()).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)));
        claims.forEach(builder::claim);
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), builder.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static RSAKey rsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer jwkSetServer(JWKSet keys) {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = keys.toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
