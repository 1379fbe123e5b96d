package eu.creditbridge.registry.web;

import eu.creditbridge.registry.application.operations.ShowingOwnDeadLetters;
import eu.creditbridge.registry.domain.operations.DeadLetterStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A partner's own refused credential events. Here because the registry already reads, decodes and audits every dead
 * letter for the operators (and holds the broker's right to read them); the dry run, which needs recognition's checks,
 * is recognition-service's.
 */
@Tag(name = "Partner feedback", description = "An institution's own refused credential events, with the reasons")
@RestController
class OwnDeadLetterController {

    /** One dead letter as its institution sees it: why, when, and which event (where the event could be read). */
    record OwnDeadLetter(String id, Instant deadLetteredAt, String reason, String credentialId, String eventId, String eventType,
                         String key, ShowingOwnDeadLetters.Attribution attributedBy, DeadLetterStatus status) {

        static OwnDeadLetter of(ShowingOwnDeadLetters.Own own) {
            var event = own.event();
            return new OwnDeadLetter(own.id().value(), own.deadLetteredAt(), own.reason(),
                    event.map(e -> e.credentialId()).orElse(null), event.map(e -> e.eventId()).orElse(null),
                    event.map(e -> e.type()).orElse(null), own.key(), own.attribution(), own.status());
        }
    }

    private final ShowingOwnDeadLetters showing;

    OwnDeadLetterController(ShowingOwnDeadLetters showing) {
        this.showing = showing;
    }

    @Operation(summary = "The institution's refused credential events",
            description = "Dead letters of creditbridge.credentials that are the institution's — by the event's issuingInstitution, or, "
                    + "where the event cannot be read, by its ce_source header '/issuers/<schac>' — newest first, among the newest "
                    + "1,000 dead letters of the topic. The institution's admin, system or issuing officer only.")
    @GetMapping("/api/institutions/{schac}/dead-letters")
    List<OwnDeadLetter> deadLetters(@PathVariable String schac, @RequestParam(required = false) Integer limit) {
        int size = limit == null ? 50 : Math.max(1, Math.min(limit, 500));
        return showing.of(PathIds.schac(schac).value(), size).stream().map(OwnDeadLetter::of).toList();
    }
}
