package eu.creditbridge.registry.web.security;

import static org.springframework.security.authorization.AuthorizationManagers.anyOf;

import eu.creditbridge.security.AccessProperties;
import eu.creditbridge.security.ApiDoor;
import eu.creditbridge.security.ApiRefusals;
import eu.creditbridge.security.ClaimsAuthorities;
import eu.creditbridge.security.Role;
import eu.creditbridge.security.Scopes;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import tools.jackson.databind.json.JsonMapper;

/**
 * Four doors. {@code /api/ops/**}: operators and the admin, stateless (HTTP Basic or a bearer token). {@code /ops/**}:
 * the operator console with a session, CSRF tokens in every form, and sign-in at {@code /login} — a form for the demo
 * people, or the alliance's OpenID Connect provider in {@code oidc} mode. The registry API ({@code /api/**}): reading
 * the trust list stays open to anyone, as EWP's registry is; every write needs a caller the path could allow (the
 * filter-chain half of each rule, {@link Scopes}), and the use cases finish the rules that need stored data (does the
 * institution exist, is the caller named among its issuer principals, does it belong to the caller's alliance). A
 * write nobody listed here is refused to everyone. Everything else (actuator, static files) stays open.
 * Accounts, password encoding and bearer tokens come from the security kit.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final String[] OPERATOR_ROLES = {Role.OPERATOR.name(), Role.ADMIN.name()};

    @Bean
    @Order(1)
    SecurityFilterChain operationsApiSecurity(HttpSecurity http, ApiDoor door, JsonMapper json) throws Exception {
        ApiRefusals refusals = new ApiRefusals(json, "CreditBridge operations",
                "only operators and the platform admin reach the operations API");
        http.securityMatcher("/api/ops/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAnyRole(OPERATOR_ROLES));
        return door.lock(http, refusals).build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain operationsConsoleSecurity(HttpSecurity http, AccessProperties access, ClaimsAuthorities claims)
            throws Exception {
        http.securityMatcher("/ops", "/ops/**", "/login", "/logout", "/oauth2/**", "/login/oauth2/**")
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers("/login").permitAll()
                        .anyRequest().hasAnyRole(OPERATOR_ROLES))
                .exceptionHandling(refusals -> refusals.authenticationEntryPoint(signInPage()))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        if (access.mode() == AccessProperties.Mode.OIDC) {
            http.oauth2Login(login -> login.loginPage("/login").defaultSuccessUrl("/ops", true)
                    .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(claims)));
        } else {
            http.formLogin(login -> login.loginPage("/login").defaultSuccessUrl("/ops", false).failureUrl("/login?error"));
        }
        return http.build();
    }

    /**
     * Who may write what in the registry: the path half of each rule. Each write here is also listed, with its whole
     * rule, in the module README's security table.
     */
    @Bean
    @Order(3)
    SecurityFilterChain registryApiSecurity(HttpSecurity http, ApiDoor door, JsonMapper json) throws Exception {
        ApiRefusals refusals = new ApiRefusals(json, "CreditBridge registry",
                "an institution admin changes only its own institution, an alliance admin only its own alliance "
                        + "(see the registry README's security table)");
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        // An institution's refused events are its own: its admin, system or issuing officer (and the admin).
                        .requestMatchers(HttpMethod.GET, "/api/institutions/{schac}/dead-letters").access(Scopes.institution(
                                "schac", Role.INSTITUTION_ADMIN, Role.INSTITUTION_SYSTEM, Role.ISSUING_OFFICER))
                        // The trust list is public data: institutions, keys, alliances, rulesets.
                        .requestMatchers(HttpMethod.GET, "/api/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/api/**").permitAll()
                        // New: an alliance admin or the admin; existing: its own admin or the admin (decided on the store).
                        .requestMatchers(HttpMethod.PUT, "/api/institutions/{schac}").access(anyOf(
                                Scopes.institution("schac", Role.INSTITUTION_ADMIN), Scopes.anyOf(Role.ALLIANCE_ADMIN)))
                        // An admin of an alliance the institution belongs to (decided on the store), or the admin.
                        .requestMatchers(HttpMethod.PUT, "/api/institutions/{schac}/issuer-principals")
                                .access(Scopes.anyOf(Role.ALLIANCE_ADMIN))
                        // Its admin, the admin, or a machine account named among its issuer principals (on the store).
                        .requestMatchers(HttpMethod.PUT, "/api/institutions/{schac}/signing-keys/{keyId}").access(anyOf(
                                Scopes.institution("schac", Role.INSTITUTION_ADMIN, Role.INSTITUTION_SYSTEM),
                                Scopes.anyOf(Role.SERVICE)))
                        // A grading table offer: as a key (on the store); publishing it: its own admin or the admin.
                        .requestMatchers(HttpMethod.PUT, "/api/institutions/{schac}/grading-table-offer").access(anyOf(
                                Scopes.institution("schac", Role.INSTITUTION_ADMIN, Role.INSTITUTION_SYSTEM),
                                Scopes.anyOf(Role.SERVICE)))
                        .requestMatchers(HttpMethod.POST, "/api/institutions/{schac}/grading-table-offer/publication")
                                .access(Scopes.institution("schac", Role.INSTITUTION_ADMIN))
                        .requestMatchers(HttpMethod.POST, "/api/institutions/{schac}/signing-keys/{keyId}/compromise")
                                .access(Scopes.institution("schac", Role.INSTITUTION_ADMIN))
                        // The dry run stores nothing, but compiles whatever CEL it is sent: signed-in callers only.
                        .requestMatchers(HttpMethod.POST, "/api/institutions/{schac}/rulesets/validation").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/institutions/{schac}/rulesets")
                                .access(Scopes.institution("schac", Role.INSTITUTION_ADMIN))
                        // New: the admin only (decided on the store); existing: its own alliance admin or the admin.
                        .requestMatchers(HttpMethod.PUT, "/api/alliances/{allianceId}")
                                .access(Scopes.alliance("allianceId", Role.ALLIANCE_ADMIN))
                        .requestMatchers("/api/alliances/{allianceId}/members/**")
                                .access(Scopes.alliance("allianceId", Role.ALLIANCE_ADMIN))
                        .anyRequest().denyAll());
        return door.lock(http, refusals).build();
    }

    /** Actuator and static files: open, and without CSRF, as before the console existed. */
    @Bean
    @Order(4)
    SecurityFilterChain openRest(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /**
     * Off to the sign-in page. For a console page's background refresh (htmx) after the session has expired, not by a
     * redirect, which htmx would follow and swap the sign-in form into the refreshed section: a 401 whose
     * {@code HX-Redirect} tells htmx to load the sign-in page as a whole page.
     */
    static AuthenticationEntryPoint signInPage() {
        AuthenticationEntryPoint redirect = new LoginUrlAuthenticationEntryPoint("/login");
        return (request, response, refused) -> {
            if ("true".equals(request.getHeader("HX-Request"))) {
                response.setHeader("HX-Redirect", request.getContextPath() + "/login");
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            } else {
                redirect.commence(request, response, refused);
            }
        };
    }
}
