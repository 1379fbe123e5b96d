package eu.creditbridge.recognition.domain;

import java.util.Objects;

/** One step of a decision's trace: what was checked, whether it decided, and why, in a registrar's words. */
public record DecisionReason(String step, boolean decisive, String explanation) {

    public DecisionReason {
        Objects.requireNonNull(step, "step is required");
        Objects.requireNonNull(explanation, "explanation is required");
    }

    public static DecisionReason decisive(String step, String explanation) {
        return new DecisionReason(step, true, explanation);
    }

    public static DecisionReason considered(String step, String explanation) {
        return new DecisionReason(step, false, explanation);
    }
}
