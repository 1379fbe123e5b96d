package eu.creditbridge.recognition.web.security;

import eu.creditbridge.recognition.domain.SchacCode;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** The accounts of {@code creditbridge.security.demo-users}, checked once at start-up so a typo fails loudly. */
final class DemoUsers {

    private DemoUsers() {
    }

    static InMemoryUserDetailsManager of(List<AccessProperties.DemoUser> configured, PasswordEncoder encoder) {
        Set<String> names = new HashSet<>();
        List<UserDetails> users = configured.stream().map(user -> {
            if (user.username() == null || user.username().isBlank() || user.password() == null || user.password().isBlank()) {
                throw new IllegalStateException("creditbridge.security.demo-users: every user needs a username and a password");
            }
            if (!names.add(user.username())) {
                throw new IllegalStateException("creditbridge.security.demo-users: '" + user.username() + "' is listed twice");
            }
            StaffRole role = StaffRole.parse(user.role()).orElseThrow(() -> new IllegalStateException(
                    "creditbridge.security.demo-users: '" + user.username() + "' has role '" + user.role()
                            + "'; use REGISTRAR, OPERATOR or ADMIN"));
            Optional<SchacCode> institution = Optional.empty();
            if (role == StaffRole.REGISTRAR) {
                if (user.institution() == null || user.institution().isBlank()) {
                    throw new IllegalStateException("creditbridge.security.demo-users: registrar '" + user.username()
                            + "' needs an institution (a SCHAC code such as eur.nl)");
                }
                institution = Optional.of(SchacCode.of(user.institution()));
            }
            // A plain password is hashed here; one already encoded ({bcrypt}…) is kept as it is.
            String password = user.password().startsWith("{") ? user.password() : encoder.encode(user.password());
            return User.withUsername(user.username()).password(password)
                    .authorities(StaffMember.authorities(role, institution)).build();
        }).toList();
        return new InMemoryUserDetailsManager(users);
    }
}
