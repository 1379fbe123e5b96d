package eu.creditbridge.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The start of every service's OpenAPI document: its title and description, and the two ways {@link ApiDoor} lets a
 * caller in — HTTP Basic (people in the embedded default, machine accounts everywhere) and an OAuth2 bearer token
 * (JWT) — under the same scheme names in every service, so a partner's generated client is configured once.
 */
public final class ApiDescription {

    public static final String BASIC_AUTH = "basicAuth";
    public static final String BEARER_AUTH = "bearerAuth";

    private ApiDescription() {
    }

    public static OpenAPI signedIn(String title, String description) {
        return new OpenAPI()
                .info(new Info().title(title).version("v1").description(description))
                .components(new Components()
                        .addSecuritySchemes(BASIC_AUTH, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes(BEARER_AUTH, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC_AUTH))
                .addSecurityItem(new SecurityRequirement().addList(BEARER_AUTH));
    }
}
