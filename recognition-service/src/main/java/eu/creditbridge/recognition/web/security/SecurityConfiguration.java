package eu.creditbridge.recognition.web.security;

import eu.creditbridge.security.AccessProperties;
import eu.creditbridge.security.ApiDoor;
import eu.creditbridge.security.ApiRefusals;
import eu.creditbridge.security.ClaimsAuthorities;
import eu.creditbridge.security.Role;
import eu.creditbridge.security.Scopes;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two doors, who may pass them decided here, how callers are recognised decided once in the security kit
 * ({@code eu.creditbridge.security}). {@code /api/**}: the kit's {@link ApiDoor} (HTTP Basic for demo people and
 * machine accounts, OAuth2 bearer JWTs when a JWK set is configured, stateless, refusals as problems). Everything else:
 * the registrar console with a session, form login (or OpenID Connect) and CSRF tokens in every form.
 *
 * <p>Who may do what, checked in the filter chain from the path alone (controllers still look everything up under the
 * path's institution, so another institution's id under one's own path is simply not found):
 * <ul>
 *   <li>the platform ADMIN: everything;</li>
 *   <li>a REGISTRAR: everything under their own institution (records, decisions, the review queue, agreements);</li>
 *   <li>the institution's own system (INSTITUTION_SYSTEM, a machine account bound to its SCHAC code): its learners'
 *       records and learning agreements only, not the review queue or decisions;</li>
 *   <li>an issuing institution's INSTITUTION_SYSTEM, ISSUING_OFFICER or INSTITUTION_ADMIN: dry runs of credentials in its
 *       own name ({@code POST /api/issuers/{schac}/credential-checks}), nothing else (least privilege);</li>
 *   <li>an OPERATOR: monitoring, no learner data;</li>
 *   <li>open: health, metrics, the API description, the sign-in page.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final String SCHAC = "schac";
    static final String INSTITUTION_API = "/api/institutions/{" + SCHAC + "}/**";
    static final String LEARNER_RECORD = "/api/institutions/{" + SCHAC + "}/learners/{learnerId}/record";
    static final String LEARNING_AGREEMENTS = "/api/institutions/{" + SCHAC + "}/learners/{learnerId}/learning-agreements";
    static final String LEARNING_AGREEMENT = LEARNING_AGREEMENTS + "/{agreementId}";
    static final String CREDENTIAL_CHECKS = "/api/issuers/{" + SCHAC + "}/credential-checks";
    static final String INSTITUTION_CONSOLE = "/console/institutions/{" + SCHAC + "}/**";
    static final String WHO_MAY = "registrars reach only their own institution; an institution's system only its own learner records"
            + " and learning agreements; an issuer's system, officer or admin only its own credential checks; operators no learner data";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, JsonMapper json, ApiDoor door) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, LEARNER_RECORD).access(Scopes.institution(SCHAC, Role.REGISTRAR, Role.INSTITUTION_SYSTEM))
                        .requestMatchers(LEARNING_AGREEMENTS, LEARNING_AGREEMENT)
                        .access(Scopes.institution(SCHAC, Role.REGISTRAR, Role.INSTITUTION_SYSTEM))
                        // A partner's dry run: the issuing institution's own system, issuing officer or admin.
                        .requestMatchers(HttpMethod.POST, CREDENTIAL_CHECKS)
                        .access(Scopes.institution(SCHAC, Role.INSTITUTION_SYSTEM, Role.ISSUING_OFFICER, Role.INSTITUTION_ADMIN))
                        .requestMatchers(INSTITUTION_API).access(Scopes.institution(SCHAC, Role.REGISTRAR))
                        .anyRequest().access(Scopes.anyOf(Role.ADMIN)));
        door.lock(http, new ApiRefusals(json, "CreditBridge recognition", WHO_MAY));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain consoleSecurity(HttpSecurity http, AccessProperties access, ClaimsAuthorities claims) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        // Error pages and forwards render what was already decided for the original request.
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/css/**", "/webjars/**", "/favicon.ico", "/login", "/error").permitAll()
                        .requestMatchers(INSTITUTION_CONSOLE).access(Scopes.institution(SCHAC, Role.REGISTRAR))
                        .requestMatchers("/actuator/**").access(Scopes.anyOf(Role.OPERATOR, Role.ADMIN))
                        .anyRequest().authenticated())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        if (access.mode() == AccessProperties.Mode.OIDC) {
            http.oauth2Login(login -> login.loginPage("/login").defaultSuccessUrl("/console", true)
                    .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(claims)));
        } else {
            http.formLogin(login -> login.loginPage("/login").defaultSuccessUrl("/console", false).failureUrl("/login?error"));
        }
        return http.build();
    }
}
