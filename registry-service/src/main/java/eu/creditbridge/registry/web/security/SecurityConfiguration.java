package eu.creditbridge.registry.web.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three doors, and only two are locked. {@code /api/ops/**}: HTTP Basic, stateless, no CSRF, refusals as problem
 * JSON. {@code /ops/**}: the operator console with a session, CSRF tokens in every form, and sign-in at
 * {@code /login} — a form for the local accounts, or the OpenID Connect provider in {@code oidc} mode. Both for OPERATOR or ADMIN only. Everything else — the registry's own API, which the other services and
 * partners call without credentials, and actuator — stays open exactly as it was.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccessProperties.class)
public class SecurityConfiguration {

    static final Set<String> ROLES = Set.of("REGISTRAR", "OPERATOR", "ADMIN");
    static final String[] OPERATOR_ROLES = {"OPERATOR", "ADMIN"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService operatorAccounts(AccessProperties access) {
        if (access.mode() == AccessProperties.Mode.OIDC) {
            // Demo passwords are public: with a real identity provider they must not open anything.
            return new InMemoryUserDetailsManager();
        }
        // The demo passwords are published in the README, so a high bcrypt cost protects nothing; a low one keeps
        // each stateless HTTP Basic request cheap.
        PasswordEncoder demoHashing = new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(4)));
        return new InMemoryUserDetailsManager(users(access.demoUsers(), demoHashing));
    }

    static List<UserDetails> users(List<AccessProperties.DemoUser> configured, PasswordEncoder encoder) {
        Set<String> names = new HashSet<>();
        return configured.stream().map(user -> {
            if (user.username() == null || user.username().isBlank() || user.password() == null || user.password().isBlank()) {
                throw new IllegalStateException("creditbridge.security.demo-users: every user needs a username and a password");
            }
            if (!names.add(user.username())) {
                throw new IllegalStateException("creditbridge.security.demo-users: '" + user.username() + "' is listed twice");
            }
            String role = user.role() == null ? "" : user.role().trim().toUpperCase(Locale.ROOT).replaceFirst("^ROLE_", "");
            if (!ROLES.contains(role)) {
                throw new IllegalStateException("creditbridge.security.demo-users: '" + user.username() + "' has role '"
                        + user.role() + "'; use REGISTRAR, OPERATOR or ADMIN");
            }
            String password = user.password().startsWith("{") ? user.password() : encoder.encode(user.password());
            return User.withUsername(user.username()).password(password).roles(role).build();
        }).toList();
    }

    @Bean
    @Order(1)
    SecurityFilterChain operationsApiSecurity(HttpSecurity http, JsonMapper json) throws Exception {
        OperatorProblems problems = new OperatorProblems(json);
        http.securityMatcher("/api/ops/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAnyRole(OPERATOR_ROLES))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(refusals -> refusals.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain operationsConsoleSecurity(HttpSecurity http, AccessProperties access) throws Exception {
        http.securityMatcher("/ops", "/ops/**", "/login", "/logout", "/oauth2/**", "/login/oauth2/**")
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers("/login").permitAll()
                        .anyRequest().hasAnyRole(OPERATOR_ROLES))
                .exceptionHandling(refusals -> refusals.authenticationEntryPoint(signInPage()))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        if (access.mode() == AccessProperties.Mode.OIDC) {
            http.oauth2Login(login -> login.loginPage("/login").defaultSuccessUrl("/ops", true)
                    .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(new OperatorClaims(access.oidc().roleClaim()))));
        } else {
            http.formLogin(login -> login.loginPage("/login").defaultSuccessUrl("/ops", false).failureUrl("/login?error"));
        }
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

    /** The registry API, actuator, static files: open, and without CSRF, as before the console existed. */
    @Bean
    @Order(3)
    SecurityFilterChain openRegistry(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }
}
