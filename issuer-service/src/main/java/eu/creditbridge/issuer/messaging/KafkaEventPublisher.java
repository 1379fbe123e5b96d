package eu.creditbridge.issuer.messaging;

import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.contract.CredentialEvent;
import eu.creditbridge.issuer.application.EventPublisher;
import eu.creditbridge.issuer.application.EventPublishingFailed;
import eu.creditbridge.issuer.domain.IssuerEvent;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes credential events to {@code creditbridge.credentials}, keyed by the learner's ESI so one
 * learner's events stay in order on one partition. Waits for the broker's acknowledgement (acks=all
 * in configuration) before the outbox may mark the event published.
 */
public class KafkaEventPublisher implements EventPublisher {

    private final KafkaTemplate<String, CredentialEvent> kafka;
    private final Duration acknowledgementTimeout;

    public KafkaEventPublisher(KafkaTemplate<String, CredentialEvent> kafka, Duration acknowledgementTimeout) {
        this.kafka = kafka;
        this.acknowledgementTimeout = acknowledgementTimeout;
    }

    @Override
    public void publish(IssuerEvent event) {
        var record = CredentialEventMapping.toAvro(event);
        try {
            kafka.send(ContractTopic.CREDENTIALS.topic(), event.learnerId().value(), record)
                    .get(acknowledgementTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventPublishingFailed("interrupted while publishing event " + event.eventId(), e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new EventPublishingFailed("event " + event.eventId() + " was not acknowledged", e);
        }
    }
}
