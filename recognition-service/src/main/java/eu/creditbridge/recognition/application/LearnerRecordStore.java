package eu.creditbridge.recognition.application;

import eu.creditbridge.kernel.DecisionId;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.domain.LearnerRecord;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.domain.Revocation;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The learners' records of recognised credits, one per (receiving institution, learner).
 * Implemented in {@code store} by {@code MongoLearnerRecordStore}.
 */
public interface LearnerRecordStore {

    Optional<LearnerRecord> find(SchacCode institution, EuropeanStudentIdentifier learner);

    /** The records of these learners, in one query; a learner without a record is absent from the map. */
    Map<Key, LearnerRecord> findAll(Collection<Key> learners);

    /** Which record: the learner's at the receiving institution. */
    record Key(SchacCode institution, EuropeanStudentIdentifier learner) {
        public static Key of(RecognitionDecision decision) {
            return new Key(decision.id().receivingInstitution(), decision.learner());
        }
    }

    /**
     * Counts a decision's component in the learner's record, unless the credential is there already.
     *
     * @return whether this call added it (false for a decision that counts nothing, or a repeat)
     */
    boolean recognise(RecognitionDecision decision);

    /**
     * {@link #recognise} for a poll's decisions, in one unordered bulk write with one update per learner record (all
     * of its new components and their totals together, only if none of them is there yet); a record where some are
     * there already (a redelivery) is brought up to date component by component, as {@link #recognise} does.
     */
    void recogniseAll(List<RecognitionDecision> decisions);

    /**
     * Marks the credential's component withdrawn and subtracts its credits, only while it still counts.
     *
     * @return whether this call withdrew it (false when it was never counted, or already withdrawn)
     */
    boolean withdraw(Revocation revocation, Instant at);

    /**
     * As {@link #withdraw(Revocation, Instant)}, for any reason the decision no longer counts (a registrar rejected it).
     *
     * @return whether this call withdrew it (false when it was never counted, or already withdrawn)
     */
    boolean withdraw(DecisionId decision, EuropeanStudentIdentifier learner, String reason, Instant at);
}
