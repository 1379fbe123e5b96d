package eu.creditbridge.registry.domain.operations;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the operators' audit trail: who did what to which dead letter, when and why.
 *
 * @param reason required for a discard, optional for a replay
 * @param forced a replay of a dead letter that had been replayed or discarded before
 * @param outcome what happened, e.g. where the replayed record landed
 */
public record OperatorAction(Instant at, String operator, DeadLetterId deadLetter, Act act, String reason,
        boolean forced, String outcome) {

    public enum Act {
        REPLAYED, DISCARDED
    }

    public OperatorAction {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(deadLetter, "deadLetter");
        Objects.requireNonNull(act, "act");
        if (operator == null || operator.isBlank()) {
            throw new IllegalArgumentException("an operator action names the operator");
        }
        reason = reason == null || reason.isBlank() ? null : reason.strip();
        if (act == Act.DISCARDED && reason == null) {
            throw new IllegalArgumentException("a discard needs a reason");
        }
    }

    /** The status the dead letter has after this action. */
    public DeadLetterStatus resultingStatus() {
        return act == Act.REPLAYED ? DeadLetterStatus.REPLAYED : DeadLetterStatus.DISCARDED;
    }
}
