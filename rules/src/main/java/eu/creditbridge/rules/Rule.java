package eu.creditbridge.rules;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One recognition rule of a receiving institution's ruleset: a CEL condition, an action, a priority (lower is
 * tried first) and the issue dates it applies to. The condition is kept as the author wrote it; it is compiled
 * by {@link RuleLanguage}.
 *
 * @param effectiveFrom  first issue date the rule applies to, empty for no lower bound
 * @param effectiveUntil last issue date the rule applies to, empty for no upper bound
 */
public record Rule(String id, Optional<String> description, int priority, String condition, RuleAction action,
                   Optional<LocalDate> effectiveFrom, Optional<LocalDate> effectiveUntil) {

    public Rule {
        Objects.requireNonNull(id, "rule id is required");
        Objects.requireNonNull(condition, "condition is required");
        Objects.requireNonNull(action, "action is required");
        description = Objects.requireNonNullElse(description, Optional.<String>empty()).filter(text -> !text.isBlank());
        effectiveFrom = Objects.requireNonNullElse(effectiveFrom, Optional.empty());
        effectiveUntil = Objects.requireNonNullElse(effectiveUntil, Optional.empty());
        if (id.isBlank()) {
            throw new IllegalArgumentException("rule id must not be blank");
        }
        if (condition.isBlank()) {
            throw new IllegalArgumentException("condition must not be blank (write 'true' for a rule that always applies)");
        }
    }

    /** Asked of every rule for every credential: plain tests, no lambdas (JFR found the lambdas' cost in a decision). */
    public boolean inEffectOn(LocalDate issuedOn) {
        return (effectiveFrom.isEmpty() || !issuedOn.isBefore(effectiveFrom.get()))
                && (effectiveUntil.isEmpty() || !issuedOn.isAfter(effectiveUntil.get()));
    }

    /** "from 2024-09-01 until 2025-08-31", "always", ... for traces and findings. */
    public String describePeriod() {
        if (effectiveFrom.isEmpty() && effectiveUntil.isEmpty()) {
            return "at any issue date";
        }
        return effectiveFrom.map(from -> "from " + from).orElse("") + (effectiveFrom.isPresent() && effectiveUntil.isPresent() ? " " : "")
                + effectiveUntil.map(until -> "until " + until).orElse("");
    }
}
