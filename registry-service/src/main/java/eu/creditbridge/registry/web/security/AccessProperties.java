package eu.creditbridge.registry.web.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may open the operator console ({@code creditbridge.security.*}), in the same shape as recognition-service's
 * registrar console, so one list of demo users serves both.
 *
 * @param mode {@code local}: the accounts below (the embedded default). {@code oidc}: the console signs operators in
 *             through an OpenID Connect provider ({@code spring.security.oauth2.client.registration.<id>.*}), and no
 *             local account opens anything
 * @param oidc which registration, and which claim carries the role
 * @param demoUsers accounts held in configuration, for the console's form login and HTTP Basic on {@code /api/ops/**}
 */
@ConfigurationProperties("creditbridge.security")
public record AccessProperties(@DefaultValue("local") Mode mode, @DefaultValue Oidc oidc, @DefaultValue List<DemoUser> demoUsers) {

    public enum Mode { LOCAL, OIDC }

    /**
     * @param registrationId the client registration to sign in with
     * @param roleClaim      the claim holding the role(s): "operator" or "admin" open the console
     */
    public record Oidc(@DefaultValue("alliance") String registrationId, @DefaultValue("roles") String roleClaim) {
    }

    /**
     * @param password plain text (hashed with bcrypt at start-up) or already encoded, e.g. {@code {bcrypt}$2a$…}
     * @param role REGISTRAR, OPERATOR or ADMIN; only the last two open the operator console
     * @param institution the registrar's SCHAC code; not used here
     */
    public record DemoUser(String username, String password, String role, String institution) {
    }
}
