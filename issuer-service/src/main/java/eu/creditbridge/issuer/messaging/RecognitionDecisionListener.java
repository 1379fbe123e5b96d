package eu.creditbridge.issuer.messaging;

import eu.creditbridge.contract.RecognitionDecided;
import eu.creditbridge.issuer.application.RecordingRecognitionDecision;
import eu.creditbridge.issuer.application.RecordingRecognitionDecision.Recorded;
import eu.creditbridge.issuer.domain.InvalidValueException;
import eu.creditbridge.issuer.domain.RecognitionDecision;
import eu.creditbridge.kernel.InvalidValue;
import eu.creditbridge.messaging.PermanentFailure;
import eu.creditbridge.messaging.logging.CredentialLogContext;
import eu.creditbridge.messaging.tracing.MicrometerOutboxTrace;
import eu.creditbridge.messaging.tracing.OutboxTrace;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.springframework.core.log.LogAccessor;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Receives recognition decisions a poll at a time and hands them to {@link RecordingRecognitionDecision} together: one
 * query and one bulk write per poll instead of two round trips per decision.
 *
 * <p>Failures keep their per-record treatment (configured once in the messaging module) because every failure leaves
 * as a {@link BatchListenerFailedException} naming the first record not done, which is all Spring Kafka's error handler
 * treats record by record (anything else would retry and then dead-letter the whole batch): the records before it are
 * recorded first, so an unreadable record (null value, the deserializer's exception in its header) or a decision whose
 * values break the domain's rules ({@link PermanentFailure}) is dead-lettered alone; a MongoDB outage during the bulk
 * write names the batch's first record, and its cause makes it an outage, retried for as long as it lasts.
 */
public class RecognitionDecisionListener {

    private static final Logger LOG = LoggerFactory.getLogger(RecognitionDecisionListener.class);
    private static final LogAccessor HEADER_LOG = new LogAccessor(RecognitionDecisionListener.class);

    private final RecordingRecognitionDecision recording;
    private final OutboxTrace trace;

    public RecognitionDecisionListener(RecordingRecognitionDecision recording, OutboxTrace trace) {
        this.recording = recording;
        this.trace = trace;
    }

    // The consumer group (issuer-service) is configuration: spring.kafka.consumer.group-id.
    @KafkaListener(topics = "#{T(eu.creditbridge.contract.ContractTopic).DECISIONS.topic()}", batch = "true")
    public void on(List<ConsumerRecord<String, RecognitionDecided>> records) {
        List<RecognitionDecision> readable = new ArrayList<>(records.size());
        RuntimeException unreadable = null;
        for (ConsumerRecord<String, RecognitionDecided> record : records) {
            unreadable = unreadable(record);
            if (unreadable != null) {
                break;
            }
            try {
                readable.add(RecognitionDecisionMapping.toDomain(record.value()));
            } catch (InvalidValueException | InvalidValue e) {
                unreadable = new PermanentFailure("decision " + record.value().getDecisionId() + " is invalid: " + e.getMessage(), e);
                break;
            }
        }
        record(records.subList(0, readable.size()), readable);
        if (unreadable != null) {
            throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, readable.size());
        }
    }

    private void record(List<ConsumerRecord<String, RecognitionDecided>> records, List<RecognitionDecision> decisions) {
        if (decisions.isEmpty()) {
            return;
        }
        List<Recorded> recorded;
        try {
            recorded = recording.recordAll(decisions);
        } catch (RuntimeException e) {
            // Nothing of the batch is known to be done: all of it again (the writes are conditional), classified by cause.
            throw new BatchListenerFailedException("recording " + decisions.size() + " decisions failed", e, 0);
        }
        for (int i = 0; i < records.size(); i++) {
            if (recorded.get(i) != Recorded.UNKNOWN_ISSUER_IGNORED) {
                logged(records.get(i), recorded.get(i));
            }
        }
    }

    /** One line per decision, in the credential's trace (continued from the record's traceparent) as before batches. */
    private void logged(ConsumerRecord<String, RecognitionDecided> record, Recorded recorded) {
        RecognitionDecided decision = record.value();
        Header traceParent = record.headers().lastHeader(MicrometerOutboxTrace.TRACEPARENT);
        trace.continued(traceParent == null ? null : new String(traceParent.value(), StandardCharsets.UTF_8), "decision received", () -> {
            try (var logContext = CredentialLogContext.of(decision)) {
                LOG.info("Decision received on credential {}: {} by {} (revision {}): {}", decision.getCredentialId(),
                        decision.getOutcome(), decision.getReceivingInstitution(), decision.getRevision(), recorded);
            }
        });
    }

    /** The deserializer's exception for a value it could not read, which then arrives as null; null when readable. */
    private static RuntimeException unreadable(ConsumerRecord<String, RecognitionDecided> record) {
        if (record.value() != null) {
            return null;
        }
        DeserializationException failure = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, HEADER_LOG);
        return failure != null ? failure : new PermanentFailure("a decision record without a value: nothing to record");
    }
}
