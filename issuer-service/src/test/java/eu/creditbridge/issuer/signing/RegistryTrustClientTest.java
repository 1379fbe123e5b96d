package eu.creditbridge.issuer.signing;

import static eu.creditbridge.issuer.CredentialFixtures.LODZ;
import static eu.creditbridge.issuer.CredentialFixtures.courseResultFromLodzJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import eu.creditbridge.issuer.InProcessMongo;
import eu.creditbridge.issuer.IssuerSpringTest;
import eu.creditbridge.issuer.TestAccounts;
import eu.creditbridge.issuer.application.KeepingSigningKeys;
import eu.creditbridge.issuer.application.TrustRegistry;
import eu.creditbridge.issuer.domain.SigningKey;
import eu.creditbridge.issuer.domain.SigningKeyRing;
import eu.creditbridge.issuer.store.MongoSigningKeyStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.client.RestClient;

/**
 * The issuer registers its signing keys at the registry as its own machine account: HTTP Basic with the
 * {@code issuer-service} secret from the machine accounts file. A JDK HTTP server on 127.0.0.1 stands in for the
 * registry-service (our own REST peer) and records what it is sent, answering 201, or 409 for a key id it "already
 * lists with other material".
 */
@IssuerSpringTest
@ExtendWith(OutputCaptureExtension.class)
class RegistryTrustClientTest {

    private static final String CONFLICTING_KEY = "uni.lodz.pl-2025-01-01-taken";

    /** One PUT as the stand-in registry saw it. */
    record Registration(String path, String authorization) {
    }

    private static final List<Registration> RECEIVED = new CopyOnWriteArrayList<>();
    private static final HttpServer REGISTRY = registry();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("creditbridge.issuer.registry-url", RegistryTrustClientTest::registryUrl);
    }

    @AfterAll
    static void stop() {
        REGISTRY.stop(0);
    }

    @Autowired
    MockMvc http;

    @Autowired
    TrustRegistry trustRegistry;

    @Autowired
    KeepingSigningKeys keys;

    @BeforeEach
    void nothingReceivedYet() {
        RECEIVED.clear();
    }

    @Test
    void theFirstCredentialsKeyIsRegisteredWithTheIssuersMachineAccount() throws Exception {
        http.perform(post("/api/credentials").with(TestAccounts.as(TestAccounts.LODZ_OFFICER))
                        .contentType(MediaType.APPLICATION_JSON).content(courseResultFromLodzJson()))
                .andExpect(status().isCreated());

        assertThat(RECEIVED).isNotEmpty().allSatisfy(put -> {
            assertThat(put.path()).startsWith("/api/institutions/uni.lodz.pl/signing-keys/");
            assertThat(put.authorization()).isEqualTo(basic(TestAccounts.ISSUER_SERVICE,
                    TestAccounts.MACHINE_SECRETS.get(TestAccounts.ISSUER_SERVICE)));
        });
        assertThat(keys.keys(LODZ)).allMatch(SigningKey::registered);
    }

    @Test
    void aKeyIdTheRegistryListsWithOtherMaterialIsRefusedLoudly() {
        assertThatThrownBy(() -> trustRegistry.register(LODZ, key(CONFLICTING_KEY)))
                .isInstanceOf(TrustRegistry.KeyRefused.class)
                .hasMessageContaining("409")
                .hasMessageContaining(CONFLICTING_KEY)
                .hasMessageContaining("OTHER key material");
    }

    @Test
    void aRefusedKeyIsLoggedAsAnErrorAndStaysPending(CapturedOutput output) {
        var store = new MongoSigningKeyStore(InProcessMongo.shared().freshDatabase());
        store.insert(SigningKeyRing.firstKey(LODZ, key(CONFLICTING_KEY)));
        var refusing = new KeepingSigningKeys(store, (id, from) -> key(id), trustRegistry, Clock.systemUTC(),
                LocalDate.of(2000, 1, 1));

        assertThat(refusing.registered(LODZ, CONFLICTING_KEY)).isFalse();
        assertThat(output).contains("ERROR").contains("The registry REFUSED signing key " + CONFLICTING_KEY);
    }

    @Test
    void withoutASecretNoCredentialsAreSentAndThatIsSaidOnce(CapturedOutput output) {
        var client = new RegistryTrustClient(RestClient.builder().baseUrl(registryUrl()).build(), "issuer-service",
                Optional.empty());

        client.register(LODZ, key("uni.lodz.pl-2025-01-01-open"));
        client.register(LODZ, key("uni.lodz.pl-2025-01-02-open"));

        assertThat(RECEIVED).extracting(Registration::authorization).containsOnlyNulls();
        assertThat(output.getOut().split("No secret for machine account 'issuer-service'", -1)).hasSize(2);
    }

    private static SigningKey key(String keyId) {
        return new SigningKey(keyId, "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\",\"kid\":\""
                + keyId + "\"}", "{}", LocalDate.of(2025, 1, 1), null, false);
    }

    private static String basic(String username, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static String registryUrl() {
        return "http://127.0.0.1:" + REGISTRY.getAddress().getPort();
    }

    private static HttpServer registry() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/institutions/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                String path = exchange.getRequestURI().getPath();
                RECEIVED.add(new Registration(path, exchange.getRequestHeaders().getFirst("Authorization")));
                boolean conflict = path.endsWith("/" + CONFLICTING_KEY);
                byte[] body = (conflict
                        ? "{\"type\":\"urn:creditbridge:problem:signing-key-conflict\",\"status\":409,\"detail\":\"key id already listed with other material\"}"
                        : "{}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", conflict ? "application/problem+json" : "application/json");
                exchange.sendResponseHeaders(conflict ? 409 : 201, body.length);
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
