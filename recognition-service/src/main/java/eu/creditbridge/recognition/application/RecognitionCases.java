package eu.creditbridge.recognition.application;

import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.Institution;
import eu.creditbridge.recognition.domain.LearnerContext;
import eu.creditbridge.recognition.domain.RecognitionCase;
import eu.creditbridge.recognition.domain.Revocation;
import eu.creditbridge.recognition.domain.Ruleset;
import eu.creditbridge.recognition.domain.SignatureVerdict;
import eu.creditbridge.recognition.domain.agreement.LearningAgreements;
import java.util.List;
import java.util.Optional;

/**
 * Gathers what a policy decides on: besides the registry view and the verified signature, what the stores hold of
 * the learner (record, partner courses, the approved agreement that lists the course) and of a revocation. Both
 * deciding use cases ({@link RecognisingCredential}, {@link ReevaluatingPendingDecisions}) build their cases here,
 * so the policy reads no store and decides the same on the same case.
 */
public class RecognitionCases {

    private final LearnerContext.Source learners;
    private final LearningAgreements agreements;

    public RecognitionCases(LearnerContext.Source learners, LearningAgreements agreements) {
        this.learners = learners;
        this.agreements = agreements;
    }

    /** Cases without a learner record or agreements: for pipelines whose tests do not look at them. */
    public static RecognitionCases withoutLearnerData() {
        return new RecognitionCases(credential -> LearnerContext.NONE, (home, learner) -> List.of());
    }

    public RecognitionCase of(Credential credential, Institution receiver, Optional<Institution> issuer, Optional<Ruleset> ruleset,
                              SignatureVerdict signature, Optional<Revocation> revocation) {
        return new RecognitionCase(credential, receiver, issuer, ruleset, signature, learners.of(credential),
                agreements.componentFor(receiver.schacCode(), credential.learner(), credential.issuingInstitution(),
                        credential.sourceCourseCode(), credential.title(), credential.issuedOn()),
                revocation);
    }
}
