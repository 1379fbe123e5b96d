package eu.creditbridge.registry.web;

import static eu.creditbridge.registry.web.Accounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.registry.RegistrySpringTest;
import eu.creditbridge.registry.application.InstitutionStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@RegistrySpringTest
class SigningKeyApiTest {

    /** RFC 8037 Appendix A.2 public key. */
    private static final String ED25519_JWK = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}";
    private static final String OTHER_ED25519_JWK = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"AAqYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}";

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
                .andExpect(jsonPath("$[?(@.keyId == 'uni.lodz.pl-k1')].publicKey").value(ED25519_JWK));
        mvc.perform(get("/api/institutions/uni.lodz.pl"))
                .andExpect(jsonPath("$.signingKeys[?(@.keyId == 'uni.lodz.pl-k1')].validUntil").value("2025-06-30"));
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

    @Test
    void aListedKeyIdIsNeverGivenOtherMaterialAndARefusedSwapChangesNothing() throws Exception {
        String key = "/api/institutions/uni.lodz.pl/signing-keys/uni.lodz.pl-swap";
        putJson(key, key("EdDSA", ED25519_JWK, "2024-01-01", null)).andExpect(status().isCreated());
        var before = institutions.find(new SchacCode("uni.lodz.pl")).orElseThrow();

        putJson(key, key("EdDSA", OTHER_ED25519_JWK, "2024-01-01", null))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:creditbridge:problem:conflict"));
        putJson(key, key("RS256", ED25519_JWK, "2024-01-01", null)).andExpect(status().isConflict());
        putJson(key, key("EdDSA", ED25519_JWK, "2023-01-01", null)).andExpect(status().isConflict());

        assertThat(institutions.find(new SchacCode("uni.lodz.pl")).orElseThrow()).isEqualTo(before);
    }

    @Test
    void theSameKeySentAgainIsAnIdempotent200ThatStoresNothing() throws Exception {
        String key = "/api/institutions/uni.lodz.pl/signing-keys/uni.lodz.pl-again";
        putJson(key, key("EdDSA", ED25519_JWK, "2024-01-01", null)).andExpect(status().isCreated());
        var before = institutions.find(new SchacCode("uni.lodz.pl")).orElseThrow();

        putJson(key, key("EdDSA", ED25519_JWK, "2024-01-01", null)).andExpect(status().isOk())
                .andExpect(jsonPath("$.publicKey").value(ED25519_JWK));

        assertThat(institutions.find(new SchacCode("uni.lodz.pl")).orElseThrow()).isEqualTo(before);
    }

    @Test
    void aClosedKeyIsNeverReopenedOrExtended() throws Exception {
        String key = "/api/institutions/uni.lodz.pl/signing-keys/uni.lodz.pl-closed";
        putJson(key, key("EdDSA", ED25519_JWK, "2024-01-01", "2025-06-30")).andExpect(status().isCreated());
        putJson(key, key("EdDSA", ED25519_JWK, "2024-01-01", null)).andExpect(status().isConflict());
        putJson(key, key("EdDSA", ED25519_JWK, "2024-01-01", "2025-12-31")).andExpect(status().isConflict());
        putJson(key, key("EdDSA", ED25519_JWK, "2024-01-01", "2025-03-31")).andExpect(status().isOk())
                .andExpect(jsonPath("$.validUntil").value("2025-03-31"));
    }

    @Test
    void aCompromisedKeyIsPublishedWithItsDayAndTheReportIsAuditedOnTheInstitution() throws Exception {
        String key = "/api/institutions/uni.lodz.pl/signing-keys/uni.lodz.pl-leaked";
        putJson(key, key("EdDSA", ED25519_JWK, "2024-01-01", null)).andExpect(status().isCreated());

        compromise(key, "2026-01-01", "laptop stolen").andExpect(status().isOk())
                .andExpect(jsonPath("$.compromisedFrom").value("2026-01-01"));
        compromise(key, "2025-11-15", "earlier misuse found in the logs").andExpect(status().isOk())
                .andExpect(jsonPath("$.compromisedFrom").value("2025-11-15"));
        compromise(key, "2026-02-01", "moving it later would lift the suspicion").andExpect(status().isConflict());
        compromise(key, "2025-11-15", "the same day again").andExpect(status().isOk());

        mvc.perform(get("/api/institutions/uni.lodz.pl"))
                .andExpect(jsonPath("$.signingKeys[?(@.keyId == 'uni.lodz.pl-leaked')].compromisedFrom").value("2025-11-15"))
                .andExpect(jsonPath("$.keyCompromises.length()").value(2))
                .andExpect(jsonPath("$.keyCompromises[0].keyId").value("uni.lodz.pl-leaked"))
                .andExpect(jsonPath("$.keyCompromises[0].reportedBy").value("admin@uni.lodz.pl"))
                .andExpect(jsonPath("$.keyCompromises[0].reason").value("laptop stolen"))
                .andExpect(jsonPath("$.keyCompromises[1].compromisedFrom").value("2025-11-15"))
                .andExpect(jsonPath("$.keyCompromises[1].previouslyFrom").value("2026-01-01"));
        // A compromised key is still listed (older credentials must still be judged), and stays compromised when resent.
        putJson(key, key("EdDSA", ED25519_JWK, "2024-01-01", "2026-03-01")).andExpect(status().isOk())
                .andExpect(jsonPath("$.compromisedFrom").value("2025-11-15"));
    }

    @Test
    void compromiseOfAnUnknownKeyIsA404AndNeedsAReason() throws Exception {
        compromise("/api/institutions/uni.lodz.pl/signing-keys/no-such-key", "2026-01-01", "why").andExpect(status().isNotFound());
        mvc.perform(post("/api/institutions/uni.lodz.pl/signing-keys/no-such-key/compromise").with(as("admin@uni.lodz.pl"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"from\": \"2026-01-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
    }

    @Test
    void theIssuerServiceRegistersTheKeysOfAnInstitutionThatNamedIt() throws Exception {
        String key = "/api/institutions/uni.lodz.pl/signing-keys/uni.lodz.pl-issued";
        mvc.perform(put(key).with(as(Accounts.ISSUER_SERVICE)).contentType(MediaType.APPLICATION_JSON)
                        .content(key("EdDSA", ED25519_JWK, "2024-01-01", null)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:creditbridge:problem:forbidden"));
        mvc.perform(put("/api/institutions/uni.lodz.pl/issuer-principals").with(as("admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"principals\": [\"issuer-service\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.principals[0]").value("issuer-service"));
        mvc.perform(put(key).with(as(Accounts.ISSUER_SERVICE)).contentType(MediaType.APPLICATION_JSON)
                        .content(key("EdDSA", ED25519_JWK, "2024-01-01", null)))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/institutions/uni.lodz.pl")).andExpect(jsonPath("$.issuerPrincipals[0]").value("issuer-service"));
    }

    private ResultActions compromise(String key, String from, String reason) throws Exception {
        return mvc.perform(post(key + "/compromise").with(as("admin@uni.lodz.pl")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\": \"" + from + "\", \"reason\": \"" + reason + "\"}"));
    }

    /** Institution records as the platform admin, keys as the institution's own admin. */
    private ResultActions putJson(String path, String body) throws Exception {
        String who = path.startsWith("/api/institutions/uni.lodz.pl/signing-keys/") ? "admin@uni.lodz.pl" : "admin";
        return mvc.perform(put(path).with(as(who)).contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
