package eu.creditbridge.security;

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
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns the claims a provider releases — in a person's ID token at sign-in, or in a bearer token on the API — into
 * the same authorities a local account holds: the role claim (a string or a list, in any spelling {@link Role#parse}
 * takes), the institution claim for institution-bound roles and the alliance claim for an alliance admin. A role that
 * needs a scope the token does not carry is not granted at all: a registrar who could not be scoped must not be let in.
 */
public class ClaimsAuthorities implements GrantedAuthoritiesMapper {

    private static final Logger log = LoggerFactory.getLogger(ClaimsAuthorities.class);

    private final AccessProperties.Oidc claims;

    public ClaimsAuthorities(AccessProperties.Oidc claims) {
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

    /** For {@code oauth2ResourceServer().jwt().jwtAuthenticationConverter(...)}. */
    public Converter<Jwt, AbstractAuthenticationToken> jwt() {
        return jwt -> {
            String name = Optional.ofNullable(jwt.getClaimAsString(claims.principalClaim())).orElse(jwt.getSubject());
            return new JwtAuthenticationToken(jwt, fromClaims(jwt.getClaims()), name);
        };
    }

    public List<GrantedAuthority> fromClaims(Map<String, Object> attributes) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : strings(attributes.get(claims.roleClaim()))) {
            Role.parse(value).ifPresent(roles::add);
        }
        Optional<String> institution = strings(attributes.get(claims.institutionClaim())).stream().findFirst()
                .map(String::trim).filter(ClaimsAuthorities::looksLikeSchac);
        Optional<String> alliance = strings(attributes.get(claims.allianceClaim())).stream().findFirst()
                .map(String::trim).filter(s -> !s.isEmpty());
        List<GrantedAuthority> granted = new ArrayList<>();
        for (Role role : roles) {
            if (role.institutionBound() && institution.isEmpty()) {
                log.warn("Caller has role {} but no valid '{}' claim; the role is not granted", role, claims.institutionClaim());
                continue;
            }
            if (role.allianceBound() && alliance.isEmpty()) {
                log.warn("Caller has role {} but no '{}' claim; the role is not granted", role, claims.allianceClaim());
                continue;
            }
            granted.addAll(Caller.authorities(role, institution, alliance));
        }
        return granted.stream().distinct().toList();
    }

    /** A SCHAC home organisation is a DNS-like name: letters, digits, dots and hyphens, with at least one dot. */
    private static boolean looksLikeSchac(String value) {
        return value.length() <= 253 && value.matches("(?i)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+");
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
