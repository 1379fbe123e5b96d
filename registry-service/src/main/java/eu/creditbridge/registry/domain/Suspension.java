package eu.creditbridge.registry.domain;

import java.time.LocalDate;
import java.util.Objects;

/** A network's suspension of a member: credentials issued from this day on are not recognised automatically. */
public record Suspension(LocalDate suspendedFrom, String reason) {

    public Suspension {
        Violations violations = new Violations();
        if (suspendedFrom == null) {
            violations.add("suspendedFrom", "must be given");
        }
        reason = violations.required("reason", reason, 1000);
        violations.throwIfAny();
        Objects.requireNonNull(suspendedFrom);
    }
}
