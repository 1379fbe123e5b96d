package eu.creditbridge.recognition.web;

import eu.creditbridge.recognition.application.review.ReviewResult;

/** A registrar action that was done: the decision as it stands now, and the audit entry it made. */
record ReviewActionResponse(DecisionSummaryResponse decision, AuditEntryResponse auditEntry) {

    static ReviewActionResponse of(ReviewResult.Revised revised) {
        return new ReviewActionResponse(DecisionSummaryResponse.of(revised.decision()), AuditEntryResponse.of(revised.entry()));
    }
}
