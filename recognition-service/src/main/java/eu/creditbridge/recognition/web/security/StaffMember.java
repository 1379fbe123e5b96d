package eu.creditbridge.recognition.web.security;

import eu.creditbridge.recognition.domain.SchacCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The signed-in person as this service sees them, whichever way they signed in (form, HTTP Basic, OpenID Connect):
 * roles and institution are both carried as authorities ({@code ROLE_REGISTRAR}, {@code INSTITUTION_eur.nl}), so
 * one check serves every sign-in method.
 */
public record StaffMember(String name, Set<StaffRole> roles, Optional<SchacCode> institution) {

    static final String INSTITUTION_PREFIX = "INSTITUTION_";

    public StaffMember {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static StaffMember of(Authentication authentication) {
        return of(authentication.getName(), authentication.getAuthorities());
    }

    static StaffMember of(String name, Collection<? extends GrantedAuthority> authorities) {
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        Optional<SchacCode> institution = Optional.empty();
        for (GrantedAuthority authority : authorities) {
            String value = authority.getAuthority();
            if (value == null) {
                continue;
            }
            if (value.startsWith("ROLE_")) {
                StaffRole.parse(value).ifPresent(roles::add);
            } else if (value.startsWith(INSTITUTION_PREFIX)) {
                institution = Optional.of(SchacCode.of(value.substring(INSTITUTION_PREFIX.length())));
            }
        }
        return new StaffMember(name, roles, institution);
    }

    /** The authorities a person with this role (and, for a registrar, this institution) holds. */
    public static List<GrantedAuthority> authorities(StaffRole role, Optional<SchacCode> institution) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(role.authority()));
        institution.ifPresent(schac -> authorities.add(new SimpleGrantedAuthority(INSTITUTION_PREFIX + schac.value())));
        return authorities;
    }

    public boolean isAdmin() {
        return roles.contains(StaffRole.ADMIN);
    }

    public boolean isRegistrar() {
        return roles.contains(StaffRole.REGISTRAR) && institution.isPresent();
    }

    /** May this person see and act on the learners and decisions of {@code schac}? */
    public boolean mayReach(SchacCode schac) {
        return isAdmin() || (isRegistrar() && institution.get().equals(schac));
    }

    /** The role shown next to the name in the console header. */
    public String roleLabel() {
        if (isAdmin()) {
            return "Administrator";
        }
        if (isRegistrar()) {
            return "Registrar, " + institution.get().value();
        }
        if (roles.contains(StaffRole.OPERATOR)) {
            return "Operator";
        }
        return "No role";
    }
}
