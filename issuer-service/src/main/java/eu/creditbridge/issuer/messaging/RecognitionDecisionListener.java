package eu.creditbridge.issuer.messaging;

import eu.creditbridge.contract.RecognitionDecided;
import eu.creditbridge.issuer.application.RecordingRecognitionDecision;
import eu.creditbridge.issuer.domain.InvalidValueException;
import eu.creditbridge.kernel.InvalidValue;
import eu.creditbridge.messaging.PermanentFailure;
import eu.creditbridge.messaging.logging.CredentialLogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Receives recognition decisions and hands them to {@link RecordingRecognitionDecision}. Retries and
 * dead-lettering are configured once in the messaging module; a decision whose values break the
 * domain's rules can never succeed, so it is a {@link PermanentFailure} and goes to the DLT at once.
 */
public class RecognitionDecisionListener {

    private static final Logger LOG = LoggerFactory.getLogger(RecognitionDecisionListener.class);

    private final RecordingRecognitionDecision recording;

    public RecognitionDecisionListener(RecordingRecognitionDecision recording) {
        this.recording = recording;
    }

    // The consumer group (issuer-service) is configuration: spring.kafka.consumer.group-id.
    @KafkaListener(topics = "#{T(eu.creditbridge.contract.ContractTopic).DECISIONS.topic()}")
    public void on(RecognitionDecided decision) {
        try (var logContext = CredentialLogContext.of(decision)) {
            var recorded = recording.record(RecognitionDecisionMapping.toDomain(decision));
            if (recorded != RecordingRecognitionDecision.Recorded.UNKNOWN_ISSUER_IGNORED) {
                LOG.info("Decision received on credential {}: {} by {} (revision {}): {}", decision.getCredentialId(),
                        decision.getOutcome(), decision.getReceivingInstitution(), decision.getRevision(), recorded);
            }
        } catch (InvalidValueException | InvalidValue e) {
            throw new PermanentFailure("decision " + decision.getDecisionId() + " is invalid: " + e.getMessage(), e);
        }
    }
}
