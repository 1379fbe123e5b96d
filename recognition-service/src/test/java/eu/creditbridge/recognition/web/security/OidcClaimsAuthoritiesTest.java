package eu.creditbridge.recognition.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import eu.creditbridge.recognition.domain.SchacCode;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/** The claims of a university's identity provider become role and institution; no provider needed to check it. */
class OidcClaimsAuthoritiesTest {

    private final OidcClaimsAuthorities mapper = new OidcClaimsAuthorities(
            new AccessProperties.Oidc("university", "eduperson_roles", "schac_home_organization"));

    private static OidcUserAuthority signedIn(Map<String, Object> idTokenClaims, Map<String, Object> userInfoClaims) {
        OidcIdToken token = OidcIdToken.withTokenValue("token").subject("s-1234").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300)).claims(claims -> claims.putAll(idTokenClaims)).build();
        return new OidcUserAuthority(token, userInfoClaims.isEmpty() ? null : new OidcUserInfo(userInfoClaims));
    }

    private StaffMember mapped(OidcUserAuthority authority) {
        Collection<? extends GrantedAuthority> authorities = mapper.mapAuthorities(List.of(authority, new SimpleGrantedAuthority("SCOPE_openid")));
        return StaffMember.of("someone", authorities);
    }

    @Test
    void registrarClaimWithSchacHomeOrganisationBecomesARegistrarOfThatInstitution() {
        StaffMember member = mapped(signedIn(Map.of("eduperson_roles", "registrar", "schac_home_organization", "EUR.nl"), Map.of()));

        assertThat(member.roles()).containsExactly(StaffRole.REGISTRAR);
        assertThat(member.institution()).contains(SchacCode.of("eur.nl"));
        assertThat(member.mayReach(SchacCode.of("eur.nl"))).isTrue();
        assertThat(member.mayReach(SchacCode.of("uni.lodz.pl"))).isFalse();
    }

    @Test
    void rolesSentAsAListInTheUserInfoAreReadLikeRolesInTheIdToken() {
        StaffMember member = mapped(signedIn(Map.of(),
                Map.of("eduperson_roles", List.of("ROLE_ADMIN", "operator", "librarian"), "schac_home_organization", "ucc.ie")));

        assertThat(member.roles()).containsExactlyInAnyOrder(StaffRole.ADMIN, StaffRole.OPERATOR);
        assertThat(member.institution()).as("only a registrar is tied to an institution").isEmpty();
        assertThat(member.mayReach(SchacCode.of("uni.lodz.pl"))).isTrue();
    }

    @Test
    void registrarWithoutAnInstitutionClaimGetsNoRoleAtAll() {
        StaffMember member = mapped(signedIn(Map.of("eduperson_roles", "registrar"), Map.of()));

        assertThat(member.roles()).isEmpty();
        assertThat(member.mayReach(SchacCode.of("eur.nl"))).isFalse();
    }

    @Test
    void registrarWithAnInstitutionClaimThatIsNoSchacCodeGetsNoRole() {
        StaffMember member = mapped(signedIn(Map.of("eduperson_roles", "registrar", "schac_home_organization", "not a domain"), Map.of()));

        assertThat(member.roles()).isEmpty();
    }

    @Test
    void personWithoutARoleClaimIsSignedInButMayReachNoInstitution() {
        StaffMember member = mapped(signedIn(Map.of("schac_home_organization", "eur.nl"), Map.of()));

        assertThat(member.roles()).isEmpty();
        assertThat(member.institution()).isEmpty();
        assertThat(member.mayReach(SchacCode.of("eur.nl"))).isFalse();
        assertThat(Optional.of(member.roleLabel())).contains("No role");
    }
}
