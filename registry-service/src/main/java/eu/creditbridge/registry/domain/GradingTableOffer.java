package eu.creditbridge.registry.domain;

import eu.creditbridge.kernel.SchacCode;
import java.time.Instant;

/**
 * A grading table offered to an institution from data it sent elsewhere (the grade distributions of an EWP Transcript
 * of Records it exported), waiting for its admin: shown beside the table it has, published only when the admin asks.
 * An offer never changes the institution by itself, so no partner converts grades by a table nobody at the
 * institution looked at.
 *
 * @param source    where the figures come from, in words, e.g. "EWP Transcript of Records, ISCED 0612"
 * @param offeredBy the account that offered it
 */
public record GradingTableOffer(SchacCode institution, GradingTable table, String source, String offeredBy,
                                Instant offeredAt) {

    public GradingTableOffer {
        Violations violations = new Violations();
        if (institution == null) {
            violations.add("institution", "must be given");
        }
        if (table == null) {
            violations.add("gradingTable", "must be given");
        }
        source = violations.required("source", source, 300);
        violations.throwIfAny();
    }
}
