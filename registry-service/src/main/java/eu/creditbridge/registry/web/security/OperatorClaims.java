package eu.creditbridge.registry.web.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;

/**
 * The role claim an OpenID Connect provider releases, as the console's authorities: "operator" or "admin" (any case,
 * with or without {@code ROLE_}, a string or a list) become ROLE_OPERATOR or ROLE_ADMIN; anything else opens nothing.
 * Nothing here is scoped to an institution: operators watch the whole alliance's pipelines.
 */
final class OperatorClaims implements GrantedAuthoritiesMapper {

    private final String roleClaim;

    OperatorClaims(String roleClaim) {
        this.roleClaim = roleClaim;
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
        Object claim = attributes.get(roleClaim);
        List<String> values = claim instanceof String one ? List.of(one)
                : claim instanceof Collection<?> many ? many.stream().filter(String.class::isInstance).map(String.class::cast).toList()
                : List.of();
        return values.stream()
                .map(value -> value.trim().toUpperCase(Locale.ROOT).replaceFirst("^ROLE_", ""))
                .filter(List.of(SecurityConfiguration.OPERATOR_ROLES)::contains)
                .distinct()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }
}
