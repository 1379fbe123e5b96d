package eu.creditbridge.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The accounts a service checks HTTP Basic and form sign-in against: the demo people (embedded default only) and the
 * machine accounts, checked once at start-up so a typo in the configuration fails loudly.
 */
public final class Accounts {

    private Accounts() {
    }

    /**
     * bcrypt for people's passwords, SHA-256 for machine secrets. The demo passwords are published in the README, so a
     * high bcrypt cost would protect nothing; cost 4 keeps a stateless request signed in as a demo person cheap.
     */
    public static PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("bcrypt", Map.of(
                "bcrypt", new BCryptPasswordEncoder(4),
                Sha256SecretEncoder.ID, new Sha256SecretEncoder()));
    }

    public static InMemoryUserDetailsManager of(AccessProperties access, MachineAccounts machines, PasswordEncoder encoder) {
        Set<String> names = new HashSet<>();
        List<UserDetails> users = new ArrayList<>();
        if (access.mode() == AccessProperties.Mode.LOCAL) {
            // Demo passwords are public: with a real identity provider (oidc) they must not open anything.
            for (AccessProperties.Account person : access.demoUsers()) {
                users.add(person(person, names, encoder));
            }
        }
        for (MachineAccounts.MachineAccount machine : machines.all()) {
            if (!names.add(machine.username())) {
                throw new IllegalStateException("machine account '" + machine.username() + "' is also a demo person");
            }
            users.add(User.withUsername(machine.username())
                    .password("{" + Sha256SecretEncoder.ID + "}" + machine.secretSha256())
                    .authorities(Caller.authorities(machine.role(), machine.institution(), Optional.empty()))
                    .build());
        }
        return new InMemoryUserDetailsManager(users);
    }

    private static UserDetails person(AccessProperties.Account user, Set<String> names, PasswordEncoder encoder) {
        String prefix = "creditbridge.security.demo-users: ";
        if (user.username() == null || user.username().isBlank() || user.password() == null || user.password().isBlank()) {
            throw new IllegalStateException(prefix + "every user needs a username and a password");
        }
        if (!names.add(user.username())) {
            throw new IllegalStateException(prefix + "'" + user.username() + "' is listed twice");
        }
        Role role = Role.parse(user.role()).filter(r -> !r.machine()).orElseThrow(() -> new IllegalStateException(
                prefix + "'" + user.username() + "' has role '" + user.role() + "'; use one of REGISTRAR, ISSUING_OFFICER, "
                        + "INSTITUTION_ADMIN, ALLIANCE_ADMIN, OPERATOR, ADMIN (machines belong in the machine accounts file)"));
        Optional<String> institution = Optional.ofNullable(user.institution()).filter(s -> !s.isBlank());
        Optional<String> alliance = Optional.ofNullable(user.alliance()).filter(s -> !s.isBlank());
        if (role.institutionBound() && institution.isEmpty()) {
            throw new IllegalStateException(prefix + "'" + user.username() + "' (" + role + ") needs an institution, a SCHAC code such as eur.nl");
        }
        if (role.allianceBound() && alliance.isEmpty()) {
            throw new IllegalStateException(prefix + "'" + user.username() + "' (" + role + ") needs an alliance, e.g. unic");
        }
        // A plain password is hashed here; one already encoded ({bcrypt}…) is kept as it is.
        String password = user.password().startsWith("{") ? user.password() : encoder.encode(user.password());
        return User.withUsername(user.username()).password(password)
                .authorities(Caller.authorities(role, institution, alliance)).build();
    }
}
