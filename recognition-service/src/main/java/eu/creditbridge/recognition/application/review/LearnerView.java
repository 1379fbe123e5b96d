package eu.creditbridge.recognition.application.review;

import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.domain.LearnerRecord;
import java.util.List;
import java.util.Optional;

/**
 * A learner at one institution: the record (totals per category and course, every component) and the history of
 * decisions, newest first.
 *
 * @param record empty while nothing was counted (every decision still awaits a registrar, or was rejected)
 */
public record LearnerView(SchacCode institution, EuropeanStudentIdentifier learner, Optional<LearnerRecord> record,
                          List<DecisionSummary> decisions) {

    public LearnerView {
        decisions = List.copyOf(decisions);
    }
}
