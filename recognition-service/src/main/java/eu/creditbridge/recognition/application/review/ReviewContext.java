package eu.creditbridge.recognition.application.review;

import eu.creditbridge.recognition.application.RegistryView;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.Institution;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.domain.agreement.AgreedComponent;
import eu.creditbridge.recognition.domain.agreement.LearningAgreements;
import eu.creditbridge.recognition.domain.review.MappingSuggestion;
import eu.creditbridge.recognition.domain.review.SuggestedMapping;
import eu.creditbridge.recognition.application.review.ReviewStore.ReviewedDecision;
import java.util.Optional;

/** What review reads beside the decision: the registry view (names, schemes, rulesets) and the learning agreements. */
class ReviewContext {

    private final RegistryView registry;
    private final LearningAgreements agreements;

    ReviewContext(RegistryView registry, LearningAgreements agreements) {
        this.registry = registry;
        this.agreements = agreements;
    }

    /** Only for decisions awaiting a registrar that kept their credential (older ones have nothing to suggest from). */
    Optional<SuggestedMapping> suggestion(ReviewedDecision reviewed) {
        if (!reviewed.status().awaitsRegistrar() || reviewed.credential().isEmpty()) {
            return Optional.empty();
        }
        Credential credential = reviewed.credential().get();
        RecognitionDecision decision = reviewed.decision();
        Optional<AgreedComponent> agreed = agreements.componentFor(decision.id().receivingInstitution(), credential.learner(),
                credential.issuingInstitution(), credential.sourceCourseCode(), credential.title(), credential.issuedOn());
        return MappingSuggestion.suggest(credential, registry.ruleset(decision.id().receivingInstitution()), agreed);
    }

    Optional<String> partnerName(ReviewedDecision reviewed) {
        return registry.institution(reviewed.decision().issuingInstitution()).map(Institution::name);
    }

    Optional<Institution> institution(eu.creditbridge.kernel.SchacCode schacCode) {
        return registry.institution(schacCode);
    }

    RegistryView registry() {
        return registry;
    }

    DecisionSummary summary(ReviewedDecision reviewed) {
        return DecisionSummary.of(reviewed, partnerName(reviewed), suggestion(reviewed));
    }
}
