package eu.creditbridge.recognition.messaging;

import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.messaging.outbox.BatchPublisher;
import eu.creditbridge.messaging.outbox.Confirmation;
import eu.creditbridge.messaging.outbox.OutboxMessage;
import eu.creditbridge.recognition.application.DecisionPublisher;
import eu.creditbridge.recognition.application.StoredDecision;
import eu.creditbridge.recognition.domain.RecognitionDecision;

/**
 * RecognitionDecided to creditbridge.decisions, keyed by the learner's ESI so a learner's decisions stay in order,
 * through the house's one send-and-confirm publisher: inline in the work's own trace ({@link #publish}), or for the
 * relay, each revision in the trace it was stored in ({@link #forRelay}).
 */
public class KafkaDecisionPublisher implements DecisionPublisher {

    private final BatchPublisher<OutboxMessage<Object>> records;

    public KafkaDecisionPublisher(BatchPublisher<OutboxMessage<Object>> records) {
        this.records = records;
    }

    @Override
    public void publish(RecognitionDecision decision) {
        records.publish(java.util.List.of(message(decision, null))).orThrow();
    }

    /** A poll's revisions, sent together and confirmed once, each in the trace it was decided in. */
    @Override
    public Confirmation publishAll(java.util.List<StoredDecision> revisions) {
        return forRelay(records).publish(revisions);
    }

    /** The relay's publisher: a batch of left-over revisions, sent together and confirmed once. */
    public static BatchPublisher<StoredDecision> forRelay(BatchPublisher<OutboxMessage<Object>> records) {
        return records.from(stored -> message(stored.decision(), stored.traceParent()));
    }

    private static OutboxMessage<Object> message(RecognitionDecision decision, String traceParent) {
        return new OutboxMessage<>(ContractTopic.DECISIONS.topic(), decision.learner().value(),
                ContractMapping.recognitionDecided(decision), traceParent);
    }
}
