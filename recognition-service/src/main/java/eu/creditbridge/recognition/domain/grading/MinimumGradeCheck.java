package eu.creditbridge.recognition.domain.grading;

import java.util.Objects;

/**
 * Whether a grade reaches a minimum, and why. "Cannot tell" (an unknown scheme, a pass against a numeric
 * minimum, no converted grade) is not met: a rule requiring a minimum grade must not fire on a guess.
 */
public record MinimumGradeCheck(boolean met, String explanation) {

    public MinimumGradeCheck {
        Objects.requireNonNull(explanation, "explanation is required");
    }
}
