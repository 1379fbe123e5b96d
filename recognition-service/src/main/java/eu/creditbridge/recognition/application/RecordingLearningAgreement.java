package eu.creditbridge.recognition.application;

import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.domain.agreement.LearningAgreement;
import java.time.Clock;
import java.util.List;

/**
 * The home institution records (or replaces) a learner's approved learning agreement, so that results from the
 * partner that match one of its components are recognised as agreed. Credentials decided before the agreement
 * arrived are not revisited here: a registrar handles those, as they handle any late paperwork.
 */
public class RecordingLearningAgreement {

    private final LearningAgreementStore agreements;
    private final Clock clock;

    public RecordingLearningAgreement(LearningAgreementStore agreements, Clock clock) {
        this.agreements = agreements;
        this.clock = clock;
    }

    /** @return whether the agreement is new */
    public boolean record(LearningAgreement agreement) {
        return agreements.save(agreement, clock.instant());
    }

    public List<LearningAgreement> of(SchacCode homeInstitution, EuropeanStudentIdentifier learner) {
        return agreements.of(homeInstitution, learner);
    }
}
