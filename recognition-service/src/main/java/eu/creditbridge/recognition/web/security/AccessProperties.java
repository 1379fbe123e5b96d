package eu.creditbridge.recognition.web.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may sign in, and how ({@code creditbridge.security.*}).
 *
 * @param mode      {@code local}: the accounts below (the embedded default); {@code oidc}: the console signs in through
 *                  the university's OpenID Connect provider, configured under {@code spring.security.oauth2.client.*}
 * @param demoUsers accounts held in configuration; used for the console's form login in {@code local} mode and for
 *                  HTTP Basic on {@code /api/**} in {@code local} mode. Ignored in {@code oidc} mode, so a production
 *                  deployment never carries the demo passwords.
 * @param oidc      how the provider's claims say role and institution
 */
@ConfigurationProperties("creditbridge.security")
public record AccessProperties(
        @DefaultValue("local") Mode mode,
        @DefaultValue List<DemoUser> demoUsers,
        @DefaultValue Oidc oidc) {

    public enum Mode { LOCAL, OIDC }

    /**
     * @param password    plain text (hashed with bcrypt at start-up) or already encoded, e.g. {@code {bcrypt}$2a$…}
     * @param institution SCHAC code; required for a registrar, ignored for the other roles
     */
    public record DemoUser(String username, String password, String role, String institution) {
    }

    /**
     * @param registrationId   the {@code spring.security.oauth2.client.registration.<id>} the login page links to
     * @param roleClaim        claim holding the role(s): a string or a list of strings (registrar, operator, admin)
     * @param institutionClaim claim holding the registrar's institution as a SCHAC code (eduPerson's
     *                         {@code schacHomeOrganization}, as SURFconext and eduGAIN proxies release it)
     */
    public record Oidc(
            @DefaultValue("university") String registrationId,
            @DefaultValue("roles") String roleClaim,
            @DefaultValue("schac_home_organization") String institutionClaim) {
    }
}
