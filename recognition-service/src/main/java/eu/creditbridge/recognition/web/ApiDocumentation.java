package eu.creditbridge.recognition.web;

import eu.creditbridge.security.ApiDescription;
import io.swagger.v3.oas.models.OpenAPI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API's OpenAPI description, served by springdoc at {@code /v3/api-docs} (Swagger UI at
 * {@code /swagger-ui.html}); which paths it covers is set in application.yml ({@code springdoc.paths-to-match}).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI recognitionApi() {
        return ApiDescription.signedIn("CreditBridge recognition-service API",
                "Learner records, recognition decisions and the registrar's review of them, per receiving "
                        + "institution (SCHAC code). Sign in with HTTP Basic or an OAuth2 bearer token (JWT); a registrar "
                        + "reaches only their own institution, the institution's own system only its learner records and "
                        + "learning agreements, an administrator every one. Errors are RFC 9457 problem details "
                        + "(types urn:creditbridge:problem:<type>).");
    }
}
