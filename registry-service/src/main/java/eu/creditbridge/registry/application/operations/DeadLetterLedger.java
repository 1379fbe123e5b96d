package eu.creditbridge.registry.application.operations;

import eu.creditbridge.registry.domain.operations.DeadLetterId;
import eu.creditbridge.registry.domain.operations.DeadLetterStatus;
import eu.creditbridge.registry.domain.operations.OperatorAction;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What operators did with dead letters: each one's status (absent = {@link DeadLetterStatus#NEW}) and the
 * append-only audit trail. Every write touches one document, so it needs no transaction.
 */
public interface DeadLetterLedger {

    DeadLetterStatus status(DeadLetterId id);

    Map<DeadLetterId, DeadLetterStatus> statuses(Collection<DeadLetterId> ids);

    /**
     * Moves the dead letter to {@code to} if its status is one of {@code from}, in one conditional write, so two
     * operators clicking at once cannot both replay it.
     *
     * @return the status it had, or empty if it had none of {@code from}
     */
    Optional<DeadLetterStatus> move(DeadLetterId id, Set<DeadLetterStatus> from, DeadLetterStatus to);

    /** Puts a status back after the act it was claimed for failed. */
    void restore(DeadLetterId id, DeadLetterStatus status);

    void append(OperatorAction action);

    /** The most recent actions, newest first. */
    List<OperatorAction> recentActions(int limit);

    /** The actions on one dead letter, oldest first. */
    List<OperatorAction> actionsOn(DeadLetterId id);
}
