package eu.creditbridge.registry.web.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import eu.creditbridge.registry.RegistryFixtures;
import eu.creditbridge.registry.RegistrySpringTest;
import eu.creditbridge.registry.application.AuthorisingIssuers;
import eu.creditbridge.registry.application.RegisteringInstitution;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Production callers bring OAuth2 bearer tokens: JWTs the provider signed, checked against its JWK set, with role,
 * institution and alliance in claims. No provider here: the test signs tokens with its own RSA key and serves that
 * key's JWK set from a JDK HTTP server on 127.0.0.1, set as the registry's
 * {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}.
 */
@RegistrySpringTest
class BearerTokenTest {

    private static final RSAKey PROVIDER_KEY = rsaKey("provider-2026");
    private static final RSAKey FORGERS_KEY = rsaKey("provider-2026");
    private static final HttpServer JWKS = serve(new JWKSet(PROVIDER_KEY.toPublicJWK()));

    private static final String KEY = "{\"algorithm\": \"EdDSA\", \"publicKey\": \"{\\\"kty\\\":\\\"OKP\\\",\\\"crv\\\":\\\"Ed25519\\\","
            + "\\\"x\\\":\\\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\\\"}\", \"validFrom\": \"2024-01-01\"}";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/jwks");
    }

    @AfterAll
    static void stop() {
        JWKS.stop(0);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    RegisteringInstitution registering;
    @Autowired
    AuthorisingIssuers authorising;

    @BeforeEach
    void lodzAndRotterdamAreRegistered() {
        registering.register(RegistryFixtures.PLATFORM_ADMIN, RegistryFixtures.lodz());
        registering.register(RegistryFixtures.PLATFORM_ADMIN, RegistryFixtures.rotterdam());
        authorising.authorise(RegistryFixtures.PLATFORM_ADMIN, RegistryFixtures.LODZ, List.of("issuer-service"));
    }

    @Test
    void anInstitutionAdminsTokenRegistersItsOwnInstitutionsKeyAndNoOtherOne() throws Exception {
        String token = token(PROVIDER_KEY, Map.of("sub", "admin@uni.lodz.pl", "roles", List.of("institution-admin"),
                "schac_home_organization", "uni.lodz.pl"), Instant.now().plusSeconds(300));

        putKey("/api/institutions/uni.lodz.pl/signing-keys/uni.lodz.pl-bearer", token).andExpect(status().isCreated());
        putKey("/api/institutions/eur.nl/signing-keys/eur.nl-bearer", token).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:creditbridge:problem:forbidden"));
    }

    @Test
    void aServiceTokenNamedAmongTheIssuerPrincipalsRegistersKeys() throws Exception {
        String token = token(PROVIDER_KEY, Map.of("sub", "issuer-service", "roles", "service"), Instant.now().plusSeconds(300));

        putKey("/api/institutions/uni.lodz.pl/signing-keys/uni.lodz.pl-issuer", token).andExpect(status().isCreated());
        putKey("/api/institutions/eur.nl/signing-keys/eur.nl-issuer", token).andExpect(status().isForbidden());
    }

    @Test
    void aNamedSubjectWithoutTheServiceRoleRegistersNothing() throws Exception {
        String token = token(PROVIDER_KEY, Map.of("sub", "issuer-service", "roles", List.of("registrar"),
                "schac_home_organization", "uni.lodz.pl"), Instant.now().plusSeconds(300));

        putKey("/api/institutions/uni.lodz.pl/signing-keys/uni.lodz.pl-person", token).andExpect(status().isForbidden());
    }

    @Test
    void anAllianceAdminsTokenNamesIssuersOnlyForItsOwnMembers() throws Exception {
        String token = token(PROVIDER_KEY, Map.of("sub", "alliance-admin@una-europa", "roles", "alliance_admin",
                "alliance", "una-europa"), Instant.now().plusSeconds(300));

        mvc.perform(put("/api/institutions/uni.lodz.pl/issuer-principals").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"principals\": [\"rogue-issuer\"]}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aForgedExpiredOrMissingTokenIsA401AndReadsStayOpen() throws Exception {
        Map<String, Object> admin = Map.of("sub", "admin", "roles", "admin");
        putKey("/api/institutions/uni.lodz.pl/signing-keys/k-forged", token(FORGERS_KEY, admin, Instant.now().plusSeconds(300)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:creditbridge:problem:unauthorized"));
        putKey("/api/institutions/uni.lodz.pl/signing-keys/k-expired", token(PROVIDER_KEY, admin, Instant.now().minusSeconds(600)))
                .andExpect(status().isUnauthorized());
        mvc.perform(put("/api/institutions/uni.lodz.pl/signing-keys/k-anonymous").contentType(MediaType.APPLICATION_JSON).content(KEY))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/institutions/uni.lodz.pl")).andExpect(status().isOk())
                .andExpect(jsonPath("$.signingKeys[?(@.keyId == 'k-forged')]").isEmpty());
    }

    @Test
    void theOperationsApiTakesAnOperatorsTokenAndRefusesAnInstitutionAdmins() throws Exception {
        String registrar = token(PROVIDER_KEY, Map.of("sub", "admin@eur.nl", "roles", "institution_admin",
                "schac_home_organization", "eur.nl"), Instant.now().plusSeconds(300));
        mvc.perform(get("/api/ops/audit").header(HttpHeaders.AUTHORIZATION, "Bearer " + registrar))
                .andExpect(status().isForbidden());
        String operator = token(PROVIDER_KEY, Map.of("sub", "operator@unic", "roles", "operator"), Instant.now().plusSeconds(300));
        mvc.perform(get("/api/ops/audit").header(HttpHeaders.AUTHORIZATION, "Bearer " + operator))
                .andExpect(status().isOk());
    }

    private ResultActions putKey(String path, String token) throws Exception {
        return mvc.perform(put(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(KEY));
    }

    private static String token(RSAKey key, Map<String, Object> claims, Instant expiry) throws Exception {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().issuer("https://login.alliance.example")
                .issueTime(Date.from(expiry.minusSeconds(600))).expirationTime(Date.from(expiry));
        claims.forEach(set::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), set.build());
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

    private static HttpServer serve(JWKSet keys) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] body = keys.toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
