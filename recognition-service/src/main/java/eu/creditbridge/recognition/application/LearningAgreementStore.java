package eu.creditbridge.recognition.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.domain.agreement.LearningAgreement;
import eu.creditbridge.recognition.domain.agreement.LearningAgreements;
import java.time.Instant;
import java.util.Optional;

/**
 * The learners' learning agreements, as recorded over the API; also the port the rules look agreed components up through.
 * Implemented in {@code store} by {@code MongoLearningAgreementStore}.
 */
public interface LearningAgreementStore extends LearningAgreements {

    /** @return whether the agreement is new (false: an existing one was replaced) */
    boolean save(LearningAgreement agreement, Instant at);

    Optional<LearningAgreement> find(SchacCode homeInstitution, EuropeanStudentIdentifier learner, String agreementId);

    /** {@link #of} for a poll's learners, in one query; a learner without agreements is absent from the map. */
    Map<LearnerRecordStore.Key, List<LearningAgreement>> ofAll(Collection<LearnerRecordStore.Key> learners);
}
