package eu.creditbridge.registry.web;

import eu.creditbridge.security.ApiDescription;
import io.swagger.v3.oas.models.OpenAPI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API's OpenAPI description, served by springdoc at {@code /v3/api-docs} (Swagger UI at
 * {@code /swagger-ui.html}), open without sign-in; which paths it covers is set in application.yml
 * ({@code springdoc.paths-to-match}). The same URLs and security scheme names as recognition-service's.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI registryApi() {
        return ApiDescription.signedIn("CreditBridge registry-service API",
                "The alliance's trust list: institutions (by SCHAC code), their signing keys, issuer "
                        + "principals and recognition rulesets, alliances and their members; plus the operators' dead "
                        + "letters (/api/ops). Reading the trust list is open to everyone; every write needs HTTP Basic "
                        + "or an OAuth2 bearer token (JWT): an institution admin changes only its own institution, an "
                        + "alliance admin only its own alliance, and an institution's signing keys are also registered "
                        + "by the machine accounts named as its issuer principals. Errors are RFC 9457 problem details "
                        + "(types urn:creditbridge:problem:<type>).");
    }
}
