package eu.creditbridge.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may sign in, and how ({@code creditbridge.security.*}), the same in every service.
 *
 * @param mode                {@code local}: the demo people below sign in with their fixed passwords (the embedded
 *                            default only); {@code oidc}: people sign in through an OpenID Connect provider and the
 *                            demo people open nothing
 * @param demoUsers           the demo people, kept once in the kit's {@code creditbridge-demo-people.yml}
 * @param machineAccountsFile the machine accounts' JSON file, written with random secrets into the state folder by
 *                            the launcher (see {@link MachineAccounts}); machine accounts work in both modes
 * @param oidc                which claims of an ID token or a bearer token carry name, role, institution and alliance
 */
@ConfigurationProperties("creditbridge.security")
public record AccessProperties(
        @DefaultValue("local") Mode mode,
        @DefaultValue List<Account> demoUsers,
        String machineAccountsFile,
        @DefaultValue Oidc oidc) {

    public enum Mode { LOCAL, OIDC }

    /**
     * @param password    plain text (hashed at start-up) or already encoded, e.g. {@code {bcrypt}$2a$…}
     * @param role        a {@link Role}, e.g. REGISTRAR or issuing-officer
     * @param institution SCHAC code; required for the institution-bound roles, ignored for the others
     * @param alliance    alliance id; required for an alliance admin, ignored for the others
     */
    public record Account(String username, String password, String role, String institution, String alliance) {
    }

    /**
     * @param registrationId   the {@code spring.security.oauth2.client.registration.<id>} the sign-in page links to
     * @param roleClaim        claim holding the role(s): a string or a list of strings
     * @param institutionClaim claim holding the institution as a SCHAC code (eduPerson's {@code schacHomeOrganization},
     *                         as SURFconext and eduGAIN proxies release it)
     * @param allianceClaim    claim holding an alliance admin's alliance id
     * @param principalClaim   claim naming a bearer token's caller (for machines: their client's subject)
     */
    public record Oidc(
            @DefaultValue("university") String registrationId,
            @DefaultValue("roles") String roleClaim,
            @DefaultValue("schac_home_organization") String institutionClaim,
            @DefaultValue("alliance") String allianceClaim,
            @DefaultValue("sub") String principalClaim) {
    }
}
