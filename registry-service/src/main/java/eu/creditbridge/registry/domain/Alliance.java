package eu.creditbridge.registry.domain;

/** A European University Alliance or university network, e.g. UNIC or UnILiON. Members are held by institutions. */
public record Alliance(AllianceId id, String name, String description) {

    public Alliance {
        Violations violations = new Violations();
        if (id == null) {
            violations.add("allianceId", "must be given");
        }
        name = violations.required("name", name, 200);
        description = violations.optional("description", description, 2000);
        violations.throwIfAny();
    }
}
