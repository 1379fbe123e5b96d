package eu.creditbridge.recognition.web;

import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.recognition.application.review.SearchingRecords.SearchResults;
import java.util.List;

/** What a search found, and how the query was read (CREDENTIAL_ID, LEARNER_ID or COURSE). */
record SearchResponse(String query, String kind, List<String> learners, List<DecisionSummaryResponse> decisions) {

    static SearchResponse of(SearchResults results) {
        return new SearchResponse(results.query(), results.kind().name(),
                results.learners().stream().map(EuropeanStudentIdentifier::value).toList(),
                results.decisions().stream().map(DecisionSummaryResponse::of).toList());
    }
}
