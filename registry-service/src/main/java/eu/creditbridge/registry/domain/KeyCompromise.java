package eu.creditbridge.registry.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The audit record of one report that an institution's signing key is compromised: which key, from which issue
 * date, why, who reported it and when. Kept with the institution, append-only, because a compromise re-decides
 * other institutions' recognitions and someone must be able to answer for it.
 *
 * @param previouslyFrom the compromise day this report replaced (an earlier day replaces a later one); null when
 *                       the key was trusted until this report
 */
public record KeyCompromise(String keyId, LocalDate compromisedFrom, LocalDate previouslyFrom, String reason,
        String reportedBy, Instant reportedAt) {

    public KeyCompromise {
        Violations violations = new Violations();
        keyId = violations.required("keyId", keyId, 200);
        if (compromisedFrom == null) {
            violations.add("from", "must be given");
        }
        reason = violations.required("reason", reason, 1000);
        reportedBy = violations.required("reportedBy", reportedBy, 300);
        if (reportedAt == null) {
            violations.add("reportedAt", "must be given");
        }
        violations.throwIfAny();
    }
}
