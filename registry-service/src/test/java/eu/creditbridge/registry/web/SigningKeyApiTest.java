package eu.creditbridge.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.creditbridge.registry.application.InstitutionStore;
import eu.creditbridge.registry.domain.SchacCode;
import eu.creditbridge.registry.store.InProcessMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest(properties = {
        "creditbridge.registry.relay.enabled=false",
        "spring.kafka.listener.auto-startup=false",
        "spring.mongodb.database=signing-key-api-test"})
@AutoConfigureMockMvc
class SigningKeyApiTest {

    private static final InProcessMongo MONGO = new InProcessMongo();

    /** RFC 8037 Appendix A.2 public key. */
    private static final String ED25519_JWK = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}";

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", MONGO::uri);
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    InstitutionStore institutions;

    @BeforeEach
    void lodzIsRegistered() throws Exception {
        putJson("/api/institutions/uni.lodz.pl", """
                {"erasmusCode": "PL LODZ01", "name": "University of Lodz", "country": "PL", "gradingScheme": "pl-2-5"}
                """);
    }

    @Test
    void issuerRegistersAKeyThenClosesItsValidityOnRotation() throws Exception {
        long revisionBefore = institutions.find(new SchacCode("uni.lodz.pl")).orElseThrow().revision();
        putJson("/api/institutions/uni.lodz.pl/signing-keys/uni.lodz.pl-k1", key("EdDSA", ED25519_JWK, "2024-01-01", null))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.keyId").value("uni.lodz.pl-k1"));
        putJson("/api/institutions/uni.lodz.pl/signing-keys/uni.lodz.pl-k1", key("EdDSA", ED25519_JWK, "2024-01-01", "2025-06-30"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.validUntil").value("2025-06-30"));
        mvc.perform(get("/api/institutions/uni.lodz.pl/signing-keys")).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].publicKey").value(ED25519_JWK));
        mvc.perform(get("/api/institutions/uni.lodz.pl")).andExpect(jsonPath("$.signingKeys[0].validUntil").value("2025-06-30"));
        // Each change is a new revision pending publication: the outbox republishes the institution with its keys.
        var stored = institutions.find(new SchacCode("uni.lodz.pl")).orElseThrow();
        assertThat(stored.revision()).isEqualTo(revisionBefore + 2);
        assertThat(institutions.pendingPublication(100)).anyMatch(p -> p.value().schacCode().value().equals("uni.lodz.pl"));
    }

    @Test
    void keyThatIsNotAnEd25519PublicJwkIsRefused() throws Exception {
        putJson("/api/institutions/uni.lodz.pl/signing-keys/k", key("EdDSA", "{\"kty\":\"oops\"}", "2024-01-01", null))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:creditbridge:problem:invalid-request"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("publicKey")));
        putJson("/api/institutions/uni.lodz.pl/signing-keys/k",
                key("EdDSA", "{\"kty\":\"OKP\",\"crv\":\"X25519\",\"x\":\"hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo\"}", "2024-01-01", null))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("publicKey")));
    }

    @Test
    void privateKeyIsNeverAcceptedIntoTheTrustList() throws Exception {
        String withPrivatePart = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"d\":\"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A\","
                + "\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}";
        putJson("/api/institutions/uni.lodz.pl/signing-keys/k", key("EdDSA", withPrivatePart, "2024-01-01", null))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("publicKey"));
    }

    @Test
    void wrongAlgorithmAndBackwardValidityAreEachNamed() throws Exception {
        putJson("/api/institutions/uni.lodz.pl/signing-keys/k", key("RS256", ED25519_JWK, "2024-01-01", "2023-01-01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("validUntil")));
        putJson("/api/institutions/uni.lodz.pl/signing-keys/k", key("RS256", ED25519_JWK, "2024-01-01", null))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("algorithm")));
    }

    @Test
    void keyOfAnUnknownInstitutionIsA404() throws Exception {
        putJson("/api/institutions/unknown.example.org/signing-keys/k", key("EdDSA", ED25519_JWK, "2024-01-01", null))
                .andExpect(status().isNotFound());
    }

    private static String key(String algorithm, String jwk, String validFrom, String validUntil) {
        return "{\"algorithm\":\"" + algorithm + "\",\"publicKey\":\"" + jwk.replace("\"", "\\\"")
                + "\",\"validFrom\":\"" + validFrom + "\"" + (validUntil == null ? "" : ",\"validUntil\":\"" + validUntil + "\"") + "}";
    }

    private ResultActions putJson(String path, String body) throws Exception {
        return mvc.perform(put(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
