package eu.creditbridge.recognition.domain.review;

import java.time.Instant;
import java.util.Objects;

/** The question a registrar sent back, still unanswered while the decision awaits them. */
public record OpenQuestion(String question, Registrar askedBy, Instant askedAt) {

    public OpenQuestion {
        Objects.requireNonNull(question, "question is required");
        Objects.requireNonNull(askedBy, "who asked is required");
        Objects.requireNonNull(askedAt, "when it was asked is required");
        if (question.isBlank()) {
            throw new IllegalArgumentException("question is required");
        }
    }
}
