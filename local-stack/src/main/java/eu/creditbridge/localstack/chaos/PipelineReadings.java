package eu.creditbridge.localstack.chaos;

import java.util.List;
import java.util.Map;

/** What the convergence rule reads of the pipeline: the running stack's in a run ({@link Verification}), a stand-in in a test. */
interface PipelineReadings {

    /** The consumer lag per group; fails while the broker is away. */
    Map<String, Long> lag() throws Exception;

    /** Of this run's credentials, how many have exactly their expected decision at the issuer; a few others described in {@code mismatches}. */
    int exactDecisionsAtIssuer(List<String> mismatches);

    /** Every learner record of the receiving university by learner id; what could not be read is said in {@code problems}. */
    Map<String, LearnerRecord> learnerRecords(List<String> problems);
}
