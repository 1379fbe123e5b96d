package eu.creditbridge.recognition.web.security;

import jakarta.servlet.DispatcherType;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two doors. {@code /api/**}: HTTP Basic, stateless, no CSRF (no cookies to forge), refusals as problem JSON.
 * Everything else: the console with a session, form login (or OpenID Connect) and CSRF tokens in every form.
 * Both doors check the institution in the path centrally ({@link InstitutionScope}); monitoring and the API
 * description stay open.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccessProperties.class)
public class SecurityConfiguration {

    static final String INSTITUTION_API = "/api/institutions/{" + InstitutionScope.VARIABLE + "}/**";
    static final String INSTITUTION_CONSOLE = "/console/institutions/{" + InstitutionScope.VARIABLE + "}/**";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService staffAccounts(AccessProperties access) {
        if (access.mode() == AccessProperties.Mode.OIDC) {
            // Demo passwords are public: with a real identity provider they must not open anything.
            return new InMemoryUserDetailsManager();
        }
        // The demo passwords are published in the README, so a high bcrypt cost protects nothing; a low one keeps
        // each stateless HTTP Basic request (tests poll the API several times a second) cheap.
        PasswordEncoder demoHashing = new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(4)));
        return DemoUsers.of(access.demoUsers(), demoHashing);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, JsonMapper json) throws Exception {
        ApiProblems problems = new ApiProblems(json);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(INSTITUTION_API).access(new InstitutionScope())
                        .anyRequest().hasRole(StaffRole.ADMIN.name()))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(refusals -> refusals.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain consoleSecurity(HttpSecurity http, AccessProperties access) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        // Error pages and forwards render what was already decided for the original request.
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/css/**", "/webjars/**", "/favicon.ico", "/login", "/error").permitAll()
                        .requestMatchers(INSTITUTION_CONSOLE).access(new InstitutionScope())
                        .requestMatchers("/actuator/**").hasAnyRole(StaffRole.OPERATOR.name(), StaffRole.ADMIN.name())
                        .anyRequest().authenticated())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        if (access.mode() == AccessProperties.Mode.OIDC) {
            http.oauth2Login(login -> login.loginPage("/login").defaultSuccessUrl("/console", true)
                    .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(new OidcClaimsAuthorities(access.oidc()))));
        } else {
            http.formLogin(login -> login.loginPage("/login").defaultSuccessUrl("/console", false).failureUrl("/login?error"));
        }
        return http.build();
    }
}
