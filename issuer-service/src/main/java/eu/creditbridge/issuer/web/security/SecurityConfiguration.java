package eu.creditbridge.issuer.web.security;

import eu.creditbridge.issuer.application.ActingForTheIssuer;
import eu.creditbridge.security.ApiDoor;
import eu.creditbridge.security.ApiRefusals;
import eu.creditbridge.security.Caller;
import eu.creditbridge.security.Role;
import jakarta.servlet.DispatcherType;
import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * One door, the API's: HTTP Basic (the demo people on the embedded default, the machine accounts always) and OAuth2
 * bearer tokens where a JWK set is configured, stateless, refusals as problems (the kit's {@link ApiDoor}).
 *
 * <p>The chain checks what the path says: the roles that may come near each endpoint, and for signing keys the
 * institution in the path. Whether an officer acts for the credential's institution needs the body or the stored
 * credential, so the use cases check it ({@link ActingForTheIssuer}). The platform administrator reads credentials
 * (support) but neither issues, revokes nor rotates keys: only a university signs for itself.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final String SCHAC = "schac";
    static final String WHO_MAY = "credentials and the decisions on them are read only by the issuing institution's own "
            + "issuing officers and student-information system (and the platform administrator), credentials are issued "
            + "and revoked only by the former, and an institution's "
            + "signing keys are rotated only by its institution admin";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiDoor apiDoor, JsonMapper json) throws Exception {
        String[] issuers = names(ActingForTheIssuer.ISSUER_ROLES);
        String[] readers = names(Stream.concat(Arrays.stream(ActingForTheIssuer.ISSUER_ROLES), Stream.of(Role.ADMIN))
                .toArray(Role[]::new));
        http.authorizeHttpRequests(requests -> requests
                // Error pages and forwards render what was already decided for the original request.
                .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                .requestMatchers("/actuator/**").hasAnyRole(names(Role.OPERATOR, Role.ADMIN))
                // The API's description is public, like the contract: a partner reads it before it has an account.
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/credentials", "/api/credentials/batch", "/api/credentials/*/revocation",
                        "/api/transcripts").hasAnyRole(issuers)
                .requestMatchers(HttpMethod.GET, "/api/credentials", "/api/credentials/*", "/api/credentials/*/decisions",
                        "/api/institutions/*/decisions").hasAnyRole(readers)
                // Public keys are public data, listed openly at the registry too; the state says why a credential waits.
                .requestMatchers(HttpMethod.GET, "/api/institutions/{" + SCHAC + "}/signing-keys").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/institutions/{" + SCHAC + "}/signing-keys/rotation")
                .access(institutionAdminOfThePath())
                .anyRequest().authenticated());
        return apiDoor.lock(http, new ApiRefusals(json, "CreditBridge issuer", WHO_MAY)).build();
    }

    /**
     * Key management is the institution admin's, of that institution only: not its issuing officers or its system
     * (a stolen issuing secret must not also churn keys), and not the platform administrator, unlike the kit's
     * {@code Scopes.institution}, which always lets the administrator in.
     */
    static AuthorizationManager<RequestAuthorizationContext> institutionAdminOfThePath() {
        return (authentication, context) -> {
            var who = authentication.get();
            boolean signedIn = who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken);
            return new AuthorizationDecision(signedIn
                    && Caller.of(who).actsFor(context.getVariables().get(SCHAC), Role.INSTITUTION_ADMIN));
        };
    }

    private static String[] names(Role... roles) {
        return Arrays.stream(roles).map(Role::name).toArray(String[]::new);
    }
}
