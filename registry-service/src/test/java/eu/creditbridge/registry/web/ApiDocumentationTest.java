package eu.creditbridge.registry.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.creditbridge.registry.RegistrySpringTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A partner reads the registry's API description before it has an account: served at the same URLs as
 * recognition-service's, open to anonymous callers, naming the operations a partner calls first (its institution, its
 * signing keys) and how to sign in for the writes.
 */
@RegistrySpringTest
class ApiDocumentationTest {

    private static final String KEYS = "$.paths['/api/institutions/{schac}/signing-keys']";
    private static final String KEY = "$.paths['/api/institutions/{schac}/signing-keys/{keyId}']";

    @Autowired
    MockMvc mvc;

    @Test
    void anonymousPartnerReadsTheApiDescriptionWithItsOperationsAndSignInSchemes() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").value(Matchers.startsWith("3.")))
                .andExpect(jsonPath("$.info.title").value("CreditBridge registry-service API"))
                .andExpect(jsonPath("$.components.securitySchemes.basicAuth.type").value("http"))
                .andExpect(jsonPath("$.components.securitySchemes.basicAuth.scheme").value("basic"))
                .andExpect(jsonPath("$.components.securitySchemes.bearerAuth.scheme").value("bearer"))
                .andExpect(jsonPath("$.components.securitySchemes.bearerAuth.bearerFormat").value("JWT"))
                .andExpect(jsonPath("$.paths['/api/institutions'].get.summary").value("List institutions"))
                .andExpect(jsonPath("$.paths['/api/institutions/{schac}'].get.summary").value("Read an institution"))
                .andExpect(jsonPath("$.paths['/api/institutions/{schac}'].put.summary").value("Register or replace an institution"))
                .andExpect(jsonPath("$.paths['/api/institutions/{schac}/issuer-principals'].put").exists())
                .andExpect(jsonPath(KEYS + ".get.summary").value("List the signing keys"))
                .andExpect(jsonPath(KEY + ".put.summary").value("Register a signing key"))
                .andExpect(jsonPath(KEY + ".put.requestBody.content['application/json'].schema.$ref").exists())
                // The caller is the signed-in account, never a parameter a partner would have to send.
                .andExpect(jsonPath(KEY + ".put.parameters[*].name", Matchers.containsInAnyOrder("schac", "keyId")))
                .andExpect(jsonPath("$.paths['/api/institutions/{schac}/signing-keys/{keyId}/compromise'].post").exists())
                .andExpect(jsonPath("$.paths['/api/institutions/{schac}/rulesets/latest'].get").exists())
                .andExpect(jsonPath("$.paths['/api/alliances/{allianceId}/members/{schac}/suspension'].post").exists())
                .andExpect(jsonPath("$.paths['/api/ops/dead-letters'].get").exists())
                // The operator console's pages are HTML, not API.
                .andExpect(jsonPath("$.paths['/ops']").doesNotExist());
    }

    @Test
    void readingTheTrustListIsMarkedOpenWhileWritesNeedSignIn() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(jsonPath(KEYS + ".get.security", Matchers.empty()))
                .andExpect(jsonPath("$.paths['/api/institutions/{schac}'].get.security", Matchers.empty()))
                .andExpect(jsonPath(KEY + ".put.security").doesNotExist())
                // An institution's own dead letters are read signed in (the document's global requirement).
                .andExpect(jsonPath("$.paths['/api/institutions/{schac}/dead-letters'].get.security").doesNotExist())
                .andExpect(jsonPath("$.security[*]", Matchers.hasSize(2)));
    }

    @Test
    void swaggerUiIsServedWithoutSignIn() throws Exception {
        mvc.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs/swagger-config")).andExpect(status().isOk());
    }
}
