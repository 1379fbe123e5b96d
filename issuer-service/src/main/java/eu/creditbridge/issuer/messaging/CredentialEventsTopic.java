package eu.creditbridge.issuer.messaging;

import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.contract.CredentialEvent;
import eu.creditbridge.issuer.application.PendingEvent;
import eu.creditbridge.messaging.outbox.BatchPublisher;
import eu.creditbridge.messaging.outbox.OutboxMessage;

/**
 * The outbox's events as records of {@code creditbridge.credentials}, keyed by the learner's ESI so one learner's
 * events stay in order on one partition, each carrying the trace of the request that recorded it.
 */
public final class CredentialEventsTopic {

    private CredentialEventsTopic() {
    }

    public static OutboxMessage<CredentialEvent> message(PendingEvent pending) {
        var event = pending.event();
        return new OutboxMessage<>(ContractTopic.CREDENTIALS.topic(), event.learnerId().value(), CredentialEventMapping.toAvro(event),
                pending.traceParent());
    }

    /** The shared send-and-confirm publisher, for the issuer's outbox entries. */
    public static BatchPublisher<PendingEvent> publisher(BatchPublisher<OutboxMessage<CredentialEvent>> records) {
        return records.from(CredentialEventsTopic::message);
    }
}
