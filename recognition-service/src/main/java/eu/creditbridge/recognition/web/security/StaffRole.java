package eu.creditbridge.recognition.web.security;

import java.util.Locale;
import java.util.Optional;

/** What a member of staff may do here. A registrar answers for one institution; an administrator for all. */
public enum StaffRole {
    /** Reviews and decides for exactly one receiving institution. */
    REGISTRAR,
    /** Watches the pipelines; sees no learner data. */
    OPERATOR,
    /** Reaches every institution. */
    ADMIN;

    /** The Spring Security authority, {@code ROLE_<name>}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** A role as an identity provider or a configuration file spells it: "registrar", "ROLE_ADMIN", "Operator". */
    public static Optional<StaffRole> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String name = value.trim().toUpperCase(Locale.ROOT);
        if (name.startsWith("ROLE_")) {
            name = name.substring("ROLE_".length());
        }
        for (StaffRole role : values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
