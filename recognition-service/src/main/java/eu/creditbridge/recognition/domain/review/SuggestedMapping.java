package eu.creditbridge.recognition.domain.review;

import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.recognition.domain.RecognitionTarget;
import java.util.Objects;

/**
 * What a decision awaiting a registrar would most likely be recognised as, and why: what an approval without
 * changes records. The rules did not decide it, so this is a proposal, never applied on its own.
 *
 * @param basis in a registrar's words, where the proposal comes from (a learning agreement, a course equivalence
 *              outside its dates, the elective category)
 */
public record SuggestedMapping(RecognitionTarget target, EctsCredits credits, String basis) {

    public SuggestedMapping {
        Objects.requireNonNull(target, "target is required");
        Objects.requireNonNull(credits, "credits are required");
        Objects.requireNonNull(basis, "basis is required");
    }
}
