package eu.creditbridge.recognition.domain;

import eu.creditbridge.kernel.EctsCredits;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link RecognitionPolicy} concluded for one credential: the outcome with its credits and target,
 * the grade beside its conversion, and every reason, decisive or not, with the ruleset version used.
 */
public record Decision(
        Outcome outcome,
        EctsCredits recognisedCredits,
        Optional<RecognitionTarget> target,
        GradeConversion grade,
        List<DecisionReason> reasons,
        Optional<Integer> rulesetVersion) {

    public Decision {
        Objects.requireNonNull(outcome, "outcome is required");
        Objects.requireNonNull(recognisedCredits, "recognised credits are required");
        target = Objects.requireNonNullElse(target, Optional.empty());
        grade = Objects.requireNonNullElse(grade, GradeConversion.NO_GRADE);
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons are required"));
        rulesetVersion = Objects.requireNonNullElse(rulesetVersion, Optional.empty());
        if (!outcome.countsCredits() && !recognisedCredits.isZero()) {
            throw new IllegalArgumentException("only a recognition counts credits; " + outcome + " has " + recognisedCredits);
        }
        if (outcome.countsCredits() && target.isEmpty()) {
            throw new IllegalArgumentException(outcome + " needs a target: what the credits count as");
        }
        if (!outcome.countsCredits() && target.isPresent()) {
            throw new IllegalArgumentException(outcome + " recognises nothing, so it has no target");
        }
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a decision explains itself: at least one reason");
        }
    }

    public Optional<DecisionReason> decisiveReason() {
        return reasons.stream().filter(DecisionReason::decisive).findFirst();
    }
}
