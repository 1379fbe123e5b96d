package eu.creditbridge.recognition.web;

import eu.creditbridge.recognition.application.review.ReviewQueuePage;
import java.util.List;
import java.util.Map;

/** One page of the review queue with its counts at a glance (see ReviewQueuePage.Counts for what each counts). */
record ReviewQueueResponse(Counts counts, List<DecisionSummaryResponse> items, int page, int size, int totalPages, String sort,
                           String outcome) {

    record Counts(long total, Map<String, Long> byOutcome, Map<String, Long> byPartner) {
    }

    static ReviewQueueResponse of(ReviewQueuePage page) {
        return new ReviewQueueResponse(new Counts(page.counts().total(), page.counts().byOutcome(), page.counts().byPartner()),
                page.items().stream().map(DecisionSummaryResponse::of).toList(), page.query().page(), page.query().size(), page.totalPages(),
                page.query().order().name().toLowerCase(java.util.Locale.ROOT), page.query().selection().name());
    }
}
