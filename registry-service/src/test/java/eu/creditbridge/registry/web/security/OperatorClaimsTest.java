package eu.creditbridge.registry.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

class OperatorClaimsTest {

    private final OperatorClaims claims = new OperatorClaims("roles");

    @Test
    void operatorOrAdminInTheRoleClaimOpensTheConsoleInAnySpelling() {
        assertThat(names(claims.fromClaims(Map.of("roles", "operator")))).containsExactly("ROLE_OPERATOR");
        assertThat(names(claims.fromClaims(Map.of("roles", List.of("ROLE_Admin", "registrar", "Admin"))))).containsExactly("ROLE_ADMIN");
    }

    @Test
    void noRoleClaimOrOnlyOtherRolesOpenNothing() {
        assertThat(claims.fromClaims(Map.of("email", "someone@uni.example"))).isEmpty();
        assertThat(claims.fromClaims(Map.of("roles", List.of("registrar", "student")))).isEmpty();
        assertThat(claims.fromClaims(Map.of("roles", 42))).isEmpty();
    }

    private static List<String> names(List<GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).toList();
    }
}
