package eu.creditbridge.recognition.application.review;

import java.util.List;
import java.util.Map;

/**
 * One page of the queue with its counts at a glance.
 *
 * @param counts     {@code total}: decisions matching every filter (what the pages go through); {@code byOutcome}:
 *                   the institution's decisions by outcome, plus ASKED, under every filter but the selection;
 *                   {@code byPartner}: matching decisions by issuing institution, under every filter but partner/alliance
 * @param totalPages at least 1, so "page 1 of 1" reads right on an empty queue
 */
public record ReviewQueuePage(ReviewQueueQuery query, Counts counts, List<DecisionSummary> items, int totalPages) {

    public record Counts(long total, Map<String, Long> byOutcome, Map<String, Long> byPartner) {

        public Counts {
            byOutcome = Map.copyOf(byOutcome);
            byPartner = Map.copyOf(byPartner);
        }
    }

    public ReviewQueuePage {
        items = List.copyOf(items);
    }
}
