package eu.creditbridge.recognition.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API's OpenAPI description, served by springdoc at {@code /v3/api-docs} (Swagger UI at
 * {@code /swagger-ui.html}); which paths it covers is set in application.yml ({@code springdoc.paths-to-match}).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BASIC_AUTH = "basicAuth";
    static final String BEARER_AUTH = "bearerAuth";

    @Bean
    OpenAPI recognitionApi() {
        return new OpenAPI()
                .info(new Info().title("CreditBridge recognition-service API").version("v1")
                        .description("Learner records, recognition decisions and the registrar's review of them, per receiving "
                                + "institution (SCHAC code). Sign in with HTTP Basic or an OAuth2 bearer token (JWT); a registrar "
                                + "reaches only their own institution, the institution's own system only its learner records and "
                                + "learning agreements, an administrator every one. Errors are RFC 9457 problem details "
                                + "(types urn:creditbridge:problem:<type>)."))
                .components(new Components()
                        .addSecuritySchemes(BASIC_AUTH, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes(BEARER_AUTH, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC_AUTH))
                .addSecurityItem(new SecurityRequirement().addList(BEARER_AUTH));
    }
}
