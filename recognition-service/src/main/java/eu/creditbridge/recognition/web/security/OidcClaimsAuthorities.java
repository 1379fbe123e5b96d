package eu.creditbridge.recognition.web.security;

import eu.creditbridge.recognition.domain.SchacCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;

/**
 * Turns the claims an OpenID Connect provider releases into this service's authorities: the role claim (a string
 * or a list; "registrar", "operator", "admin" in any case, with or without {@code ROLE_}) and, for a registrar, the
 * institution claim (a SCHAC code). A registrar without a valid institution gets no role at all: a registrar who
 * could not be scoped must not be let in.
 */
final class OidcClaimsAuthorities implements GrantedAuthoritiesMapper {

    private static final Logger log = LoggerFactory.getLogger(OidcClaimsAuthorities.class);

    private final AccessProperties.Oidc claims;

    OidcClaimsAuthorities(AccessProperties.Oidc claims) {
        this.claims = claims;
    }

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
        Set<GrantedAuthority> mapped = new LinkedHashSet<>();
        for (GrantedAuthority authority : authorities) {
            if (authority instanceof OAuth2UserAuthority user) {
                mapped.addAll(fromClaims(user.getAttributes()));
            }
        }
        return mapped;
    }

    List<GrantedAuthority> fromClaims(Map<String, Object> attributes) {
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        for (String value : strings(attributes.get(claims.roleClaim()))) {
            StaffRole.parse(value).ifPresent(roles::add);
        }
        Optional<SchacCode> institution = strings(attributes.get(claims.institutionClaim())).stream().findFirst()
                .flatMap(OidcClaimsAuthorities::schac);
        if (roles.contains(StaffRole.REGISTRAR) && institution.isEmpty()) {
            log.warn("Signed-in registrar has no valid '{}' claim; the registrar role is not granted", claims.institutionClaim());
            roles.remove(StaffRole.REGISTRAR);
        }
        List<GrantedAuthority> granted = new ArrayList<>();
        for (StaffRole role : roles) {
            // Only a registrar is tied to an institution; an administrator reaches all, an operator none.
            granted.addAll(StaffMember.authorities(role, role == StaffRole.REGISTRAR ? institution : Optional.empty()));
        }
        return granted.stream().distinct().toList();
    }

    private static Optional<SchacCode> schac(String value) {
        try {
            return Optional.of(SchacCode.of(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A claim as strings: providers send a single value as a string and several as a JSON array. */
    private static List<String> strings(Object claim) {
        if (claim instanceof String value) {
            return List.of(value);
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }
}
