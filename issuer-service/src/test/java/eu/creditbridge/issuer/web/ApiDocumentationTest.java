package eu.creditbridge.issuer.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.creditbridge.issuer.IssuerSpringTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A partner reads the issuer's API description before it has an account: served at the same URLs as
 * recognition-service's, open to anonymous callers, naming every operation a partner calls first and how to sign in.
 */
@IssuerSpringTest
class ApiDocumentationTest {

    @Autowired
    MockMvc http;

    @Test
    void anonymousPartnerReadsTheApiDescriptionWithItsOperationsAndSignInSchemes() throws Exception {
        http.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").value(Matchers.startsWith("3.")))
                .andExpect(jsonPath("$.info.title").value("CreditBridge issuer-service API"))
                .andExpect(jsonPath("$.components.securitySchemes.basicAuth.type").value("http"))
                .andExpect(jsonPath("$.components.securitySchemes.basicAuth.scheme").value("basic"))
                .andExpect(jsonPath("$.components.securitySchemes.bearerAuth.scheme").value("bearer"))
                .andExpect(jsonPath("$.components.securitySchemes.bearerAuth.bearerFormat").value("JWT"))
                .andExpect(jsonPath("$.security[*]", Matchers.hasSize(2)))
                .andExpect(jsonPath("$.paths['/api/credentials'].post.summary").value("Issue a credential"))
                .andExpect(jsonPath("$.paths['/api/credentials'].get.summary").value("List a learner's credentials"))
                // The caller is the signed-in account, never a parameter a partner would have to send.
                .andExpect(jsonPath("$.paths['/api/credentials'].get.parameters[*].name",
                        Matchers.containsInAnyOrder("learnerId", "page", "size")))
                .andExpect(jsonPath("$.paths['/api/credentials/{id}'].get.summary").value("Read a credential"))
                .andExpect(jsonPath("$.paths['/api/credentials/{id}/revocation'].post.summary").value("Revoke a credential"))
                .andExpect(jsonPath("$.paths['/api/institutions/{schac}/signing-keys'].get.summary").value("List the signing keys"))
                .andExpect(jsonPath("$.paths['/api/institutions/{schac}/signing-keys/rotation'].post.summary").value("Rotate the signing key"))
                .andExpect(jsonPath("$.paths['/actuator/health']").doesNotExist());
    }

    @Test
    void theCredentialBodyIsDescribedFieldByFieldNotAsBytes() throws Exception {
        http.perform(get("/v3/api-docs"))
                .andExpect(jsonPath("$.paths['/api/credentials'].post.requestBody.content['application/json'].schema.$ref")
                        .value("#/components/schemas/CredentialBody"))
                .andExpect(jsonPath("$.components.schemas.CredentialBody.properties.issuingInstitution").exists())
                .andExpect(jsonPath("$.components.schemas.CredentialBody.properties.ectsCredits").exists())
                .andExpect(jsonPath("$.paths['/api/credentials/{id}/revocation'].post.requestBody.content['application/json'].schema.$ref")
                        .value("#/components/schemas/RevocationRequest"));
    }

    @Test
    void publicKeysAreMarkedOpenWhileIssuingNeedsSignIn() throws Exception {
        http.perform(get("/v3/api-docs"))
                .andExpect(jsonPath("$.paths['/api/institutions/{schac}/signing-keys'].get.security", Matchers.empty()))
                .andExpect(jsonPath("$.paths['/api/credentials'].post.security").doesNotExist());
    }

    @Test
    void swaggerUiIsServedWithoutSignIn() throws Exception {
        http.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection());
        http.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
        http.perform(get("/v3/api-docs/swagger-config")).andExpect(status().isOk());
    }
}
