package eu.creditbridge.registry.messaging;

import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.registry.application.RegistryFeed;
import eu.creditbridge.registry.domain.Institution;
import eu.creditbridge.registry.domain.Ruleset;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes to the compacted registry topics, keyed by SCHAC code, and waits for the broker's
 * acknowledgement: the outbox may mark a change published only once it really is.
 */
public class KafkaRegistryFeed implements RegistryFeed {

    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final Duration ackTimeout;

    public KafkaRegistryFeed(KafkaTemplate<String, SpecificRecord> kafka, Duration ackTimeout) {
        this.kafka = kafka;
        this.ackTimeout = ackTimeout;
    }

    @Override
    public void institutionUpdated(Institution institution, Instant updatedAt) {
        send(ContractTopic.INSTITUTIONS, institution.schacCode().value(),
                RegistryRecords.institutionUpdated(institution, updatedAt));
    }

    @Override
    public void rulesetPublished(Ruleset ruleset) {
        send(ContractTopic.RULESETS, ruleset.institution().value(), RegistryRecords.rulesetPublished(ruleset));
    }

    private void send(ContractTopic topic, String key, SpecificRecord value) {
        try {
            kafka.send(topic.topic(), key, value).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing to " + topic.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("no acknowledgement from " + topic.topic() + " for key " + key, e);
        }
    }
}
