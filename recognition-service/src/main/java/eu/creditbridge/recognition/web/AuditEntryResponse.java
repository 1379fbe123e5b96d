package eu.creditbridge.recognition.web;

import eu.creditbridge.recognition.domain.review.AuditEntry;
import java.time.Instant;
import java.util.List;

/** One registrar action of the append-only trail. */
record AuditEntryResponse(int revision, String registrar, Instant at, String action, List<Change> changes, String why) {

    record Change(String field, String before, String after) {
    }

    static AuditEntryResponse of(AuditEntry entry) {
        return new AuditEntryResponse(entry.revision(), entry.registrar().username(), entry.at(), entry.action().name(),
                entry.changes().stream().map(change -> new Change(change.field(), change.before().orElse(null), change.after().orElse(null)))
                        .toList(),
                entry.why().orElse(null));
    }
}
