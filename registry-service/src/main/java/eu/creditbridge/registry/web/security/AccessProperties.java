package eu.creditbridge.registry.web.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may open the operator console ({@code creditbridge.security.*}), in the same shape as recognition-service's
 * registrar console, so one list of demo users serves both.
 *
 * @param mode {@code local}: the accounts below (the embedded default). {@code oidc}: no local account opens the
 *             console (registry-service has no OpenID Connect login yet; see the README)
 * @param demoUsers accounts held in configuration, for the console's form login and HTTP Basic on {@code /api/ops/**}
 */
@ConfigurationProperties("creditbridge.security")
public record AccessProperties(@DefaultValue("local") Mode mode, @DefaultValue List<DemoUser> demoUsers) {

    public enum Mode { LOCAL, OIDC }

    /**
     * @param password plain text (hashed with bcrypt at start-up) or already encoded, e.g. {@code {bcrypt}$2a$…}
     * @param role REGISTRAR, OPERATOR or ADMIN; only the last two open the operator console
     * @param institution the registrar's SCHAC code; not used here
     */
    public record DemoUser(String username, String password, String role, String institution) {
    }
}
