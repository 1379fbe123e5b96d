package eu.creditbridge.security;

import java.util.Locale;
import java.util.Optional;

/**
 * Who a caller is to CreditBridge. People and machines alike hold one of these; the ones bound to an institution
 * carry its SCHAC code beside them, the alliance admin its alliance (see {@link Caller}).
 */
public enum Role {
    /** Reviews and decides recognition for one receiving institution. */
    REGISTRAR(Binding.INSTITUTION, false),
    /** Issues and revokes one institution's credentials. */
    ISSUING_OFFICER(Binding.INSTITUTION, false),
    /** Keeps one institution's registry entry: its record, grading table, ruleset and signing keys. */
    INSTITUTION_ADMIN(Binding.INSTITUTION, false),
    /** A university's student-information system: issues, reads records, records learning agreements, for one institution. */
    INSTITUTION_SYSTEM(Binding.INSTITUTION, true),
    /** Manages one alliance's memberships and suspensions, and registers new institutions. */
    ALLIANCE_ADMIN(Binding.ALLIANCE, false),
    /** Watches the pipelines; sees no learner data. */
    OPERATOR(Binding.NONE, false),
    /** The platform administrator: reaches every institution and alliance. */
    ADMIN(Binding.NONE, false),
    /** One of CreditBridge's own services (e.g. {@code issuer-service} registering the keys it signs with). */
    SERVICE(Binding.NONE, true);

    enum Binding { NONE, INSTITUTION, ALLIANCE }

    private final Binding binding;
    private final boolean machine;

    Role(Binding binding, boolean machine) {
        this.binding = binding;
        this.machine = machine;
    }

    /** The Spring Security authority, {@code ROLE_<name>}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public boolean institutionBound() {
        return binding == Binding.INSTITUTION;
    }

    public boolean allianceBound() {
        return binding == Binding.ALLIANCE;
    }

    /** A machine account: a long random secret, never a person's password. */
    public boolean machine() {
        return machine;
    }

    /** A role as an identity provider or a configuration file spells it: "registrar", "ROLE_ADMIN", "issuing-officer". */
    public static Optional<Role> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String name = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (name.startsWith("ROLE_")) {
            name = name.substring("ROLE_".length());
        }
        for (Role role : values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
