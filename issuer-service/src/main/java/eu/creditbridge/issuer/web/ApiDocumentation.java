package eu.creditbridge.issuer.web;

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
    OpenAPI issuerApi() {
        return ApiDescription.signedIn("CreditBridge issuer-service API",
                "Issuing, reading and revoking an institution's credentials, and its signing keys. "
                        + "Sign in with HTTP Basic (the institution's student-information system as a machine account, "
                        + "or an issuing officer) or an OAuth2 bearer token (JWT); credentials are issued, revoked and "
                        + "read only by the issuing institution's own officers and system, keys are rotated only by its "
                        + "institution admin, and its public keys are open to everyone. Errors are RFC 9457 problem "
                        + "details (types urn:creditbridge:problem:<type>). What is published to Kafka is described by "
                        + "the Avro contract (schemas/resolved/).");
    }
}
