package eu.creditbridge.recognition.web;

import eu.creditbridge.recognition.domain.review.RegistrarAction;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Send a decision back with a question; it stays in the queue, marked as asked. */
record QuestionBody(@NotBlank @Size(max = RegistrarAction.MAXIMUM_TEXT) String question, @Min(1) Integer expectedRevision) {
}
