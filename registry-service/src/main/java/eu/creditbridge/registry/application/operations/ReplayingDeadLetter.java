package eu.creditbridge.registry.application.operations;

import eu.creditbridge.registry.application.operations.DeadLetterTopics.Placement;
import eu.creditbridge.registry.domain.operations.DeadLetter;
import eu.creditbridge.registry.domain.operations.DeadLetterId;
import eu.creditbridge.registry.domain.operations.DeadLetterRefusal;
import eu.creditbridge.registry.domain.operations.DeadLetterStatus;
import eu.creditbridge.registry.domain.operations.OperatorAction;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

/**
 * Sends a dead letter back to the topic and partition it came from, once: the status moves to REPLAYED in the
 * same conditional write that checks it was NEW, so a second replay (a double click, a second operator) is
 * refused unless forced. Consumers are idempotent, so a forced replay may repeat work but never double-count it.
 */
public class ReplayingDeadLetter {

    private static final Set<DeadLetterStatus> ANY = EnumSet.allOf(DeadLetterStatus.class);
    private static final Set<DeadLetterStatus> NEW_ONLY = EnumSet.of(DeadLetterStatus.NEW);

    private final DeadLetterTopics topics;
    private final DeadLetterLedger ledger;
    private final Clock clock;

    public ReplayingDeadLetter(DeadLetterTopics topics, DeadLetterLedger ledger, Clock clock) {
        this.topics = topics;
        this.ledger = ledger;
        this.clock = clock;
    }

    public Replayed replay(DeadLetterId id, String operator, String reason, boolean force) {
        DeadLetter deadLetter = topics.find(id).orElseThrow(() -> new DeadLetterRefusal.Unknown(id));
        DeadLetterStatus before = ledger.move(id, force ? ANY : NEW_ONLY, DeadLetterStatus.REPLAYED)
                .orElseThrow(() -> new DeadLetterRefusal.AlreadyHandled(id, ledger.status(id)));
        Placement placement;
        try {
            placement = topics.replay(deadLetter);
        } catch (RuntimeException e) {
            // Not sent, so not replayed: the operator may try again.
            ledger.restore(id, before);
            throw e;
        }
        var action = new OperatorAction(clock.instant(), operator, id, OperatorAction.Act.REPLAYED, reason,
                before != DeadLetterStatus.NEW, "replayed to " + placement);
        ledger.append(action);
        return new Replayed(action, placement);
    }

    public record Replayed(OperatorAction action, Placement placement) {
    }
}
