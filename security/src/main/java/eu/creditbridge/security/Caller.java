package eu.creditbridge.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The caller as every service sees them, however they signed in (form, HTTP Basic, OpenID Connect, a bearer token):
 * roles, institution and alliance all travel as authorities ({@code ROLE_REGISTRAR}, {@code INSTITUTION_eur.nl},
 * {@code ALLIANCE_unic}), so one check serves every sign-in method.
 *
 * @param institution the SCHAC code an institution-bound role acts for, lower case
 * @param alliance    the alliance an alliance admin acts for
 */
public record Caller(String name, Set<Role> roles, Optional<String> institution, Optional<String> alliance) {

    public static final String INSTITUTION_PREFIX = "INSTITUTION_";
    public static final String ALLIANCE_PREFIX = "ALLIANCE_";

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        institution = institution.map(Caller::normalised);
        alliance = alliance.map(Caller::normalised);
    }

    public static Caller of(Authentication authentication) {
        return of(authentication.getName(), authentication.getAuthorities());
    }

    public static Caller of(String name, Collection<? extends GrantedAuthority> authorities) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Optional<String> institution = Optional.empty();
        Optional<String> alliance = Optional.empty();
        for (GrantedAuthority authority : authorities) {
            String value = authority.getAuthority();
            if (value == null) {
                continue;
            }
            if (value.startsWith("ROLE_")) {
                Role.parse(value).ifPresent(roles::add);
            } else if (value.startsWith(INSTITUTION_PREFIX)) {
                institution = Optional.of(value.substring(INSTITUTION_PREFIX.length()));
            } else if (value.startsWith(ALLIANCE_PREFIX)) {
                alliance = Optional.of(value.substring(ALLIANCE_PREFIX.length()));
            }
        }
        return new Caller(name, roles, institution, alliance);
    }

    /** The authorities of one role, with the institution or alliance it is bound to (ignored where it is not). */
    public static List<GrantedAuthority> authorities(Role role, Optional<String> institution, Optional<String> alliance) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(role.authority()));
        if (role.institutionBound()) {
            institution.map(Caller::normalised).ifPresent(schac -> authorities.add(new SimpleGrantedAuthority(INSTITUTION_PREFIX + schac)));
        }
        if (role.allianceBound()) {
            alliance.map(Caller::normalised).ifPresent(id -> authorities.add(new SimpleGrantedAuthority(ALLIANCE_PREFIX + id)));
        }
        return authorities;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        return Arrays.stream(any).anyMatch(roles::contains);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    /** Holds one of {@code any} and is bound to institution {@code schac}. An admin is not implied: ask for it. */
    public boolean actsFor(String schac, Role... any) {
        return schac != null && institution.isPresent() && institution.get().equals(normalised(schac))
                && Arrays.stream(any).filter(Role::institutionBound).anyMatch(roles::contains);
    }

    /** An alliance admin of exactly this alliance. */
    public boolean administers(String allianceId) {
        return allianceId != null && roles.contains(Role.ALLIANCE_ADMIN) && alliance.isPresent()
                && alliance.get().equals(normalised(allianceId));
    }

    /** The role shown next to the name in a console header. */
    public String label() {
        if (isAdmin()) {
            return "Administrator";
        }
        for (Role role : roles) {
            String words = role.name().charAt(0) + role.name().substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
            if (role.institutionBound() && institution.isPresent()) {
                return words + ", " + institution.get();
            }
            if (role.allianceBound() && alliance.isPresent()) {
                return words + ", " + alliance.get();
            }
            if (!role.institutionBound() && !role.allianceBound()) {
                return words;
            }
        }
        return "No role";
    }

    private static String normalised(String code) {
        return code.trim().toLowerCase(Locale.ROOT);
    }
}
