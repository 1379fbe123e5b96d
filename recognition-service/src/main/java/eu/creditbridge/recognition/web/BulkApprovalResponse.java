package eu.creditbridge.recognition.web;

import eu.creditbridge.recognition.application.review.ApprovingDecisionsInBulk.BulkApproval;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Per credential: approved, conflict, not found or not allowed; and how many of each. */
record BulkApprovalResponse(Map<String, Long> counts, List<Item> items) {

    record Item(String credentialId, String status, Integer revision, String explanation) {
    }

    static BulkApprovalResponse of(BulkApproval approval) {
        Map<String, Long> counts = new TreeMap<>();
        approval.counts().forEach((status, count) -> counts.put(status.name(), count));
        return new BulkApprovalResponse(counts, approval.items().stream()
                .map(item -> new Item(item.credentialId().toString(), item.status().name(), item.revision().orElse(null),
                        item.explanation().orElse(null)))
                .toList());
    }
}
