package eu.creditbridge.recognition.messaging;

import eu.creditbridge.contract.CredentialEvent;
import eu.creditbridge.contract.CredentialIssued;
import eu.creditbridge.contract.CredentialRevoked;
import eu.creditbridge.messaging.PermanentFailure;
import eu.creditbridge.messaging.logging.CredentialLogContext;
import eu.creditbridge.messaging.tracing.MicrometerOutboxTrace;
import eu.creditbridge.messaging.tracing.OutboxTrace;
import eu.creditbridge.recognition.application.RecognisingCredentialBatch;
import eu.creditbridge.recognition.application.RecognisingCredentialBatch.Event;
import eu.creditbridge.recognition.application.RecognisingCredentialBatch.Issued;
import eu.creditbridge.recognition.application.RecognisingCredentialBatch.Result;
import eu.creditbridge.recognition.application.RecognisingCredentialBatch.Revoked;
import eu.creditbridge.recognition.application.RevocationRefused;
import eu.creditbridge.recognition.application.UnknownReceivingInstitution;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Issued and revoked credentials, a poll at a time, in order per learner (the records are keyed by learner). Thin: map
 * the records, hand them to {@link RecognisingCredentialBatch}, say which failures are permanent.
 *
 * <p>Failures keep their per-record treatment (the shared error handler, configured once in the messaging module)
 * because every failure leaves as a {@link BatchListenerFailedException} naming the first record not done — the only
 * exception Spring Kafka's error handler treats record by record; anything else would retry, then dead-letter the whole
 * poll. The records before it are committed; it is retried or dead-lettered by its cause (an outage of MongoDB or the
 * broker retried for as long as it lasts, never dead-lettered); the records after it come again and find their work
 * done. An unreadable record (null value, the deserializer's exception in its header) is dead-lettered alone.
 */
public class CredentialsListener {

    /** Started by the registry view once it has caught up, never by the container factory. */
    public static final String ID = "recognition-credentials";

    private static final Logger log = LoggerFactory.getLogger(CredentialsListener.class);
    private static final LogAccessor HEADER_LOG = new LogAccessor(CredentialsListener.class);

    private final RecognisingCredentialBatch recognising;
    private final OutboxTrace trace;

    public CredentialsListener(RecognisingCredentialBatch recognising, OutboxTrace trace) {
        this.recognising = recognising;
        this.trace = trace;
    }

    @KafkaListener(id = ID, autoStartup = "false", batch = "true",
            topics = "#{T(eu.creditbridge.contract.ContractTopic).CREDENTIALS.topic()}",
            groupId = "${creditbridge.credentials.group-id:recognition-service}")
    public void on(List<ConsumerRecord<String, CredentialEvent>> records) {
        List<Event> events = new ArrayList<>(records.size());
        RuntimeException unreadable = null;
        for (ConsumerRecord<String, CredentialEvent> record : records) {
            try {
                events.add(event(record));
            } catch (RuntimeException e) {
                unreadable = e;
                break;
            }
        }
        List<Result> results = recognising.recognise(events);
        for (int position = 0; position < results.size(); position++) {
            Result result = results.get(position);
            if (!result.isDone()) {
                throw new BatchListenerFailedException("credential event " + position + " of " + records.size() + " not done",
                        classified(result), position);
            }
            logged(records.get(position), result.decision());
        }
        if (unreadable != null) {
            throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, events.size());
        }
    }

    private static Event event(ConsumerRecord<String, CredentialEvent> record) {
        CredentialEvent event = record.value();
        if (event == null) {
            DeserializationException failure = SerializationUtils.getExceptionFromHeader(record,
                    SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, HEADER_LOG);
            throw failure != null ? failure : new PermanentFailure("a credential record without a value: nothing to decide on");
        }
        Object payload = event.getPayload();
        if (payload instanceof CredentialIssued issued) {
            return new Issued(readable(event, () -> ContractMapping.credential(issued)), Optional.ofNullable(event.getOccurredAt()),
                    traceParent(record));
        }
        if (payload instanceof CredentialRevoked revoked) {
            return new Revoked(readable(event, () -> ContractMapping.revocation(revoked)));
        }
        throw new PermanentFailure("Credential event " + event.getEventId() + " carries an unknown payload "
                + (payload == null ? "null" : payload.getClass().getName()));
    }

    /** Which failures no retry can mend: a revocation in another's name, an institution still unknown after its grace. */
    private static RuntimeException classified(Result result) {
        RuntimeException failure = result.failure();
        if (result.status() == Result.Status.NOT_ATTEMPTED) {
            return new IllegalStateException("an earlier credential event of the same learner did not go through");
        }
        if (failure instanceof RevocationRefused) {
            // Sent in another institution's name: no retry makes it the issuer's. To <topic>.dlt with the reason.
            return new PermanentFailure(failure.getMessage(), failure);
        }
        if (failure instanceof UnknownReceivingInstitution unknown && unknown.settled()) {
            return new PermanentFailure(failure.getMessage());
        }
        // Transient at first (retried with backoff): an institution or key in its grace, an outage (retried while it lasts).
        return failure;
    }

    /** One line per event, in the credential's trace (continued from the record's traceparent) as before polls. */
    private void logged(ConsumerRecord<String, CredentialEvent> record, Optional<RecognitionDecision> decision) {
        CredentialEvent event = record.value();
        trace.continued(traceParent(record), "credential decided", () -> {
            try (var logContext = CredentialLogContext.of(event)) {
                if (event.getPayload() instanceof CredentialIssued issued) {
                    decision.ifPresent(decided -> log.info("Decided on credential {} for {}: {} by {} (revision {})",
                            issued.getCredentialId(), decided.id().receivingInstitution(), decided.outcome(), decided.decidedBy(),
                            decided.revision()));
                } else if (event.getPayload() instanceof CredentialRevoked revoked) {
                    decision.ifPresent(withdrawn -> log.info("Withdrew the decision on credential {} for {} (revision {})",
                            revoked.getCredentialId(), withdrawn.id().receivingInstitution(), withdrawn.revision()));
                }
            }
        });
    }

    private static String traceParent(ConsumerRecord<String, CredentialEvent> record) {
        Header header = record.headers().lastHeader(MicrometerOutboxTrace.TRACEPARENT);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A value the domain refuses (bad SCHAC code, ESI, credits) will be refused on every retry: permanent. */
    private static <T> T readable(CredentialEvent event, Supplier<T> mapping) {
        try {
            return mapping.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PermanentFailure("Credential event " + event.getEventId() + " is not a valid credential: " + e.getMessage());
        }
    }
}
