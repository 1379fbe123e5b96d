package eu.creditbridge.recognition.application.review;

import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.application.LearnerRecordStore;
import eu.creditbridge.recognition.application.RegistryView;
import eu.creditbridge.recognition.domain.LearnerRecord;
import eu.creditbridge.recognition.domain.agreement.LearningAgreements;
import java.util.List;
import java.util.Optional;

/** A registrar opens a learner: record and decision history at their institution. */
public class ViewingLearner {

    /** Most decisions listed for one learner: a whole degree's worth of mobility. */
    public static final int MAXIMUM_DECISIONS = 500;

    private final LearnerRecordStore learnerRecords;
    private final ReviewQueries queries;
    private final ReviewContext context;

    public ViewingLearner(LearnerRecordStore learnerRecords, ReviewQueries queries, RegistryView registry, LearningAgreements agreements) {
        this.learnerRecords = learnerRecords;
        this.queries = queries;
        this.context = new ReviewContext(registry, agreements);
    }

    /** Empty when the institution knows nothing of the learner: no record and no decision. */
    public Optional<LearnerView> learner(SchacCode institution, EuropeanStudentIdentifier learner) {
        Optional<LearnerRecord> record = learnerRecords.find(institution, learner);
        List<DecisionSummary> decisions = history(institution, learner);
        if (record.isEmpty() && decisions.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LearnerView(institution, learner, record, decisions));
    }

    /** The learner's decisions at the institution, newest first; empty when there are none. */
    public List<DecisionSummary> history(SchacCode institution, EuropeanStudentIdentifier learner) {
        return queries.ofLearner(institution, learner, MAXIMUM_DECISIONS).stream().map(context::summary).toList();
    }
}
