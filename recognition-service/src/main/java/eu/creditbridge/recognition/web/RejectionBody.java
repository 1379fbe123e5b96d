package eu.creditbridge.recognition.web;

import eu.creditbridge.recognition.domain.review.RegistrarAction;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Reject a decision; the learner may appeal, so the reason is required. */
record RejectionBody(@NotBlank @Size(max = RegistrarAction.MAXIMUM_TEXT) String reason, @Min(1) Integer expectedRevision) {
}
