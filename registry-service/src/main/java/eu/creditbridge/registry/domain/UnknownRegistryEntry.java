package eu.creditbridge.registry.domain;

import eu.creditbridge.kernel.SchacCode;

/** A lookup of something the registry does not hold (an institution, alliance, membership, ruleset version). */
public final class UnknownRegistryEntry extends RegistryException {

    private final String kind;
    private final String id;

    public UnknownRegistryEntry(String kind, String id) {
        super("No " + kind + " '" + id + "' in the registry");
        this.kind = kind;
        this.id = id;
    }

    public static UnknownRegistryEntry institution(SchacCode schac) {
        return new UnknownRegistryEntry("institution", schac.value());
    }

    public static UnknownRegistryEntry alliance(AllianceId id) {
        return new UnknownRegistryEntry("alliance", id.value());
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
