package eu.creditbridge.recognition.application.review;

import eu.creditbridge.recognition.domain.Outcome;
import java.util.Locale;
import java.util.Optional;

/** Which decisions the queue lists: by outcome, or by where they stand for registrars. */
public enum QueueSelection {
    /** Everything awaiting a registrar, asked or not: the review queue proper (the default). */
    NEEDS_REVIEW(Optional.of(Outcome.NEEDS_REVIEW), Optional.empty()),
    /** Awaiting a registrar with no question out. */
    AWAITING_REGISTRAR(Optional.of(Outcome.NEEDS_REVIEW), Optional.of(false)),
    /** Sent back with a question, still awaiting a registrar. */
    ASKED(Optional.of(Outcome.NEEDS_REVIEW), Optional.of(true)),
    RECOGNISED(Optional.of(Outcome.RECOGNISED), Optional.empty()),
    PARTIALLY_RECOGNISED(Optional.of(Outcome.PARTIALLY_RECOGNISED), Optional.empty()),
    REJECTED(Optional.of(Outcome.REJECTED), Optional.empty()),
    WITHDRAWN(Optional.of(Outcome.WITHDRAWN), Optional.empty()),
    /** Every decision of the institution. */
    ALL(Optional.empty(), Optional.empty());

    private final Optional<Outcome> outcome;
    private final Optional<Boolean> asked;

    QueueSelection(Optional<Outcome> outcome, Optional<Boolean> asked) {
        this.outcome = outcome;
        this.asked = asked;
    }

    Optional<Outcome> outcome() {
        return outcome;
    }

    Optional<Boolean> asked() {
        return asked;
    }

    /** Case-insensitive, as typed in a query string. */
    public static QueueSelection parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("one of " + java.util.Arrays.toString(values()) + ": '" + value + "'");
        }
    }
}
