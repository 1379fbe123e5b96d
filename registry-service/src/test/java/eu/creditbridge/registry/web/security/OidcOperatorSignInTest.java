package eu.creditbridge.registry.web.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.creditbridge.registry.RegistrySpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code creditbridge.security.mode: oidc}: the operator console sends operators to the alliance's OpenID Connect
 * provider, and the demo accounts open nothing. No provider is reachable here, so the provider's endpoints are
 * configured by hand and only the redirect to it is followed.
 */
@RegistrySpringTest
@TestPropertySource(properties = {
        "creditbridge.security.mode=oidc",
        "spring.security.oauth2.client.registration.alliance.client-id=creditbridge-ops",
        "spring.security.oauth2.client.registration.alliance.client-secret=secret",
        "spring.security.oauth2.client.registration.alliance.scope=openid",
        "spring.security.oauth2.client.registration.alliance.authorization-grant-type=authorization_code",
        "spring.security.oauth2.client.registration.alliance.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
        "spring.security.oauth2.client.provider.alliance.authorization-uri=https://login.alliance.example/authorize",
        "spring.security.oauth2.client.provider.alliance.token-uri=https://login.alliance.example/token",
        "spring.security.oauth2.client.provider.alliance.jwk-set-uri=https://login.alliance.example/jwks",
        "spring.security.oauth2.client.provider.alliance.user-info-uri=https://login.alliance.example/userinfo",
        "spring.security.oauth2.client.provider.alliance.user-name-attribute=sub"})
class OidcOperatorSignInTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theConsoleSendsOperatorsToTheAlliancesProviderAndNoDemoAccountGetsIn() throws Exception {
        mvc.perform(get("/ops")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/oauth2/authorization/alliance\"")))
                .andExpect(content().string(not(containsString("id=\"password\""))));
        mvc.perform(get("/oauth2/authorization/alliance"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", startsWith("https://login.alliance.example/authorize?")))
                .andExpect(header().string("Location", containsString("client_id=creditbridge-ops")));

        mvc.perform(get("/api/ops/pipeline").with(httpBasic("operator", "demo"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/institutions")).andExpect(status().isOk());
    }
}
