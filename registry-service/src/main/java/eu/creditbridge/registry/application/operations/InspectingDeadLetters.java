package eu.creditbridge.registry.application.operations;

import eu.creditbridge.registry.application.operations.PayloadDecoder.DecodedPayload;
import eu.creditbridge.registry.domain.operations.DeadLetter;
import eu.creditbridge.registry.domain.operations.DeadLetterId;
import eu.creditbridge.registry.domain.operations.DeadLetterRefusal;
import eu.creditbridge.registry.domain.operations.DeadLetterStatus;
import eu.creditbridge.registry.domain.operations.OperatorAction;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Lists the newest dead letters with what was done about them, and opens one with its payload decoded. */
public class InspectingDeadLetters {

    private final DeadLetterTopics topics;
    private final DeadLetterLedger ledger;
    private final PayloadDecoder decoder;

    public InspectingDeadLetters(DeadLetterTopics topics, DeadLetterLedger ledger, PayloadDecoder decoder) {
        this.topics = topics;
        this.ledger = ledger;
        this.decoder = decoder;
    }

    public List<Listed> newest(int limit) {
        return newest(0, limit);
    }

    /** A page of the dead letters, newest first: {@code limit} of them after the {@code skip} newest. */
    public List<Listed> newest(int skip, int limit) {
        List<DeadLetter> deadLetters = topics.newest(skip, limit);
        Map<DeadLetterId, DeadLetterStatus> statuses = ledger.statuses(deadLetters.stream().map(DeadLetter::id).toList());
        return deadLetters.stream()
                .map(d -> new Listed(d.id(), d.deadLetteredAt(), d.reason(), d.origin(), d.keyText(),
                        statuses.getOrDefault(d.id(), DeadLetterStatus.NEW)))
                .toList();
    }

    public Inspected inspect(DeadLetterId id) {
        DeadLetter deadLetter = topics.find(id).orElseThrow(() -> new DeadLetterRefusal.Unknown(id));
        DecodedPayload payload = decoder.decode(deadLetter.origin().topic(), deadLetter.value());
        return new Inspected(deadLetter, ledger.status(id), payload, ledger.actionsOn(id));
    }

    /** The operators' audit trail, newest first. */
    public List<OperatorAction> recentActions(int limit) {
        return ledger.recentActions(limit);
    }

    /** A line of the dead-letter list. */
    public record Listed(DeadLetterId id, Instant deadLetteredAt, String reason, DeadLetter.Origin origin, String key,
            DeadLetterStatus status) {
    }

    /** One dead letter opened: everything it carries, its payload decoded where possible, and its history. */
    public record Inspected(DeadLetter deadLetter, DeadLetterStatus status, DecodedPayload payload,
            List<OperatorAction> history) {
    }
}
