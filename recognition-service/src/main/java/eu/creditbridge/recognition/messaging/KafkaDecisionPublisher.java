package eu.creditbridge.recognition.messaging;

import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.recognition.application.DecisionPublisher;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;

/** RecognitionDecided to creditbridge.decisions, keyed by the learner's ESI so a learner's decisions stay in order. */
public class KafkaDecisionPublisher implements DecisionPublisher {

    private final KafkaTemplate<String, Object> kafka;
    private final Duration ackTimeout;

    public KafkaDecisionPublisher(KafkaTemplate<String, Object> kafka, Duration ackTimeout) {
        this.kafka = kafka;
        this.ackTimeout = ackTimeout;
    }

    @Override
    public void publish(RecognitionDecision decision) {
        try {
            kafka.send(ContractTopic.DECISIONS.topic(), decision.learner().value(), ContractMapping.recognitionDecided(decision))
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing decision " + decision.id(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("decision " + decision.id() + " revision " + decision.revision() + " not acknowledged: " + e, e);
        }
    }
}
