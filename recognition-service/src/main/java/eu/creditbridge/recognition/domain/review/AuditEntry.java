package eu.creditbridge.recognition.domain.review;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One registrar action as the append-only trail keeps it: who, when, what, which values changed (before and
 * after, as a registrar reads them) and why, with the revision it produced.
 */
public record AuditEntry(int revision, Registrar registrar, Instant at, ActionKind action, List<Change> changes, Optional<String> why) {

    /** One value before and after the action; absent means "none" (no target yet, no converted grade). */
    public record Change(String field, Optional<String> before, Optional<String> after) {

        public Change {
            Objects.requireNonNull(field, "field is required");
            before = Objects.requireNonNullElse(before, Optional.empty());
            after = Objects.requireNonNullElse(after, Optional.empty());
            if (before.equals(after)) {
                throw new IllegalArgumentException(field + " did not change");
            }
        }

        public static Optional<Change> of(String field, Optional<String> before, Optional<String> after) {
            return before.equals(after) ? Optional.empty() : Optional.of(new Change(field, before, after));
        }
    }

    public AuditEntry {
        Objects.requireNonNull(registrar, "registrar is required");
        Objects.requireNonNull(at, "time is required");
        Objects.requireNonNull(action, "action is required");
        changes = List.copyOf(Objects.requireNonNullElse(changes, List.of()));
        why = Objects.requireNonNullElse(why, Optional.empty());
        if (revision < 2) {
            throw new IllegalArgumentException("a registrar action revises a decision, so its revision is at least 2: " + revision);
        }
    }
}
