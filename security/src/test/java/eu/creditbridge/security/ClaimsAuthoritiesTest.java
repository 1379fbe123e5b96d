package eu.creditbridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClaimsAuthoritiesTest {

    static RSAKey key;
    static HttpServer jwks;

    final ClaimsAuthorities claims = new ClaimsAuthorities(
            new AccessProperties.Oidc("university", "roles", "schac_home_organization", "alliance", "sub"));

    @BeforeAll
    static void serveJwkSet() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("test-key").generate();
        byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
    }

    @AfterAll
    static void stop() {
        jwks.stop(0);
    }

    static String token(RSAKey signer, Map<String, Object> claims) throws Exception {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().subject("sis-client").issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)));
        claims.forEach(set::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID())
                .type(JOSEObjectType.JWT).build(), set.build());
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }

    NimbusJwtDecoder decoder() {
        return NimbusJwtDecoder.withJwkSetUri("http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks").build();
    }

    @Test
    void aBearerTokenFromTheProviderBecomesTheSameCallerAsALocalAccount() throws Exception {
        String token = token(key, Map.of("roles", List.of("institution_system"), "schac_home_organization", "uni.lodz.pl"));
        AbstractAuthenticationToken authentication = claims.jwt().convert(decoder().decode(token));
        Caller caller = Caller.of(authentication);
        assertThat(caller.name()).isEqualTo("sis-client");
        assertThat(caller.actsFor("uni.lodz.pl", Role.INSTITUTION_SYSTEM)).isTrue();
        assertThat(caller.actsFor("eur.nl", Role.INSTITUTION_SYSTEM)).isFalse();
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("test-key").generate();
        String forged = token(stranger, Map.of("roles", "admin"));
        assertThatThrownBy(() -> decoder().decode(forged)).isInstanceOf(JwtException.class);
    }

    @Test
    void aRoleThatCannotBeScopedIsNotGranted() {
        assertThat(claims.fromClaims(Map.of("roles", List.of("registrar")))).isEmpty();
        assertThat(claims.fromClaims(Map.of("roles", "ALLIANCE_ADMIN"))).isEmpty();
        assertThat(claims.fromClaims(Map.of("roles", "registrar", "schac_home_organization", "not a schac"))).isEmpty();
        Caller allianceAdmin = Caller.of("a", claims.fromClaims(Map.of("roles", "alliance-admin", "alliance", "unic")));
        assertThat(allianceAdmin.administers("unic")).isTrue();
        assertThat(allianceAdmin.administers("arqus")).isFalse();
        Caller operator = Caller.of("o", claims.fromClaims(Map.of("roles", List.of("operator", "unknown"))));
        assertThat(operator.roles()).containsExactly(Role.OPERATOR);
    }
}
