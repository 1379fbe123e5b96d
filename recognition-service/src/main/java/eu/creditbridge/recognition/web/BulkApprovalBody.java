package eu.creditbridge.recognition.web;

import eu.creditbridge.recognition.application.review.ApprovingDecisionsInBulk;
import eu.creditbridge.recognition.domain.review.RegistrarAction;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** Approve many decisions as suggested, one reason for all. */
record BulkApprovalBody(@NotEmpty @Size(max = ApprovingDecisionsInBulk.MAXIMUM) List<@NotNull UUID> credentialIds,
                        @Size(max = RegistrarAction.MAXIMUM_TEXT) String reason) {
}
