package eu.creditbridge.registry.application.operations;

import eu.creditbridge.registry.domain.InvalidRegistryEntry;
import eu.creditbridge.registry.domain.operations.DeadLetterId;
import eu.creditbridge.registry.domain.operations.DeadLetterRefusal;
import eu.creditbridge.registry.domain.operations.DeadLetterStatus;
import eu.creditbridge.registry.domain.operations.OperatorAction;
import java.time.Clock;
import java.util.EnumSet;

/**
 * Marks a dead letter as deliberately dropped, with the operator's reason. The record stays on its topic (Kafka
 * deletes by retention only); the status and the audit entry are what say nobody needs to look at it again.
 */
public class DiscardingDeadLetter {

    private final DeadLetterTopics topics;
    private final DeadLetterLedger ledger;
    private final Clock clock;

    public DiscardingDeadLetter(DeadLetterTopics topics, DeadLetterLedger ledger, Clock clock) {
        this.topics = topics;
        this.ledger = ledger;
        this.clock = clock;
    }

    public OperatorAction discard(DeadLetterId id, String operator, String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidRegistryEntry.of("reason", "is required: say why this dead letter is dropped");
        }
        topics.find(id).orElseThrow(() -> new DeadLetterRefusal.Unknown(id));
        ledger.move(id, EnumSet.of(DeadLetterStatus.NEW), DeadLetterStatus.DISCARDED)
                .orElseThrow(() -> new DeadLetterRefusal.AlreadyHandled(id, ledger.status(id)));
        var action = new OperatorAction(clock.instant(), operator, id, OperatorAction.Act.DISCARDED, reason, false,
                "discarded");
        ledger.append(action);
        return action;
    }
}
