package eu.creditbridge.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * How every REST API takes its callers, in one place: HTTP Basic (the machine accounts; the demo people on the
 * embedded default), OAuth2 bearer tokens as soon as a JWT decoder is configured
 * ({@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} or {@code issuer-uri}), stateless and so without
 * CSRF (there is no cookie to forge), and refusals as problems.
 */
public class ApiDoor {

    private final ObjectProvider<JwtDecoder> jwtDecoder;
    private final ClaimsAuthorities claims;

    public ApiDoor(ObjectProvider<JwtDecoder> jwtDecoder, ClaimsAuthorities claims) {
        this.jwtDecoder = jwtDecoder;
        this.claims = claims;
    }

    /** Call after {@code securityMatcher(...)} and {@code authorizeHttpRequests(...)}. */
    public HttpSecurity lock(HttpSecurity http, ApiRefusals refusals) throws Exception {
        http.httpBasic(basic -> basic.authenticationEntryPoint(refusals))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(handling -> handling.authenticationEntryPoint(refusals).accessDeniedHandler(refusals));
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            http.oauth2ResourceServer(server -> server.authenticationEntryPoint(refusals).accessDeniedHandler(refusals)
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(claims.jwt())));
        }
        return http;
    }

    /** Whether bearer tokens are taken here (a JWT decoder is configured). */
    public boolean takesBearerTokens() {
        return jwtDecoder.getIfAvailable() != null;
    }
}
