package eu.creditbridge.recognition.domain.review;

import eu.creditbridge.recognition.domain.RecognitionDecision;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a registrar action is judged on.
 *
 * @param current           the decision at the revision the registrar acts on
 * @param openQuestion      the question sent back earlier, if one is out
 * @param revoked           the issuer revoked the credential (recorded, though perhaps not applied to the decision yet)
 * @param suggestion        what an approval takes where the registrar gives no target or credits
 * @param homeGradingScheme the receiving institution's grading scheme, for a grade the registrar converts
 */
public record ReviewCase(RecognitionDecision current, Optional<OpenQuestion> openQuestion, boolean revoked,
                         Optional<SuggestedMapping> suggestion, Optional<String> homeGradingScheme) {

    public ReviewCase {
        Objects.requireNonNull(current, "decision is required");
        openQuestion = Objects.requireNonNullElse(openQuestion, Optional.empty());
        suggestion = Objects.requireNonNullElse(suggestion, Optional.empty());
        homeGradingScheme = Objects.requireNonNullElse(homeGradingScheme, Optional.<String>empty()).filter(s -> !s.isBlank());
    }

    public ReviewStatus status() {
        return ReviewStatus.of(current.outcome(), openQuestion.isPresent());
    }
}
