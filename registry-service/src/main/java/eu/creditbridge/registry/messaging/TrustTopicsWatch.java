package eu.creditbridge.registry.messaging;

import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.contract.InstitutionUpdated;
import eu.creditbridge.contract.RulesetPublished;
import eu.creditbridge.messaging.PermanentFailure;
import eu.creditbridge.messaging.serde.ConfluentAvroDeserializer;
import eu.creditbridge.registry.application.RestoringTrustEntry;
import eu.creditbridge.registry.application.RestoringTrustEntry.TrustTopic;
import eu.creditbridge.registry.messaging.operations.KafkaDeadLetterTopics;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The registry reads back its own trust topics, once each record (group {@code registry-service}), to catch what its
 * readers cannot use: bytes that are not a value of the topic's schema, or a value under another institution's key.
 * Such a record goes to {@code <topic>.dlt} with its reason and original bytes (the messaging module's error
 * handling, counted in {@code creditbridge_dead_letters_total{topic}}), where {@code /ops} shows it with replay and
 * discard like any dead letter; and the institution's last good entry is sent again after it
 * ({@link RestoringTrustEntry}), so compaction keeps that one. A record an operator replayed is followed by the current
 * entry too: a replayed old state must never be the last word.
 *
 * <p>Values arrive as bytes and are decoded here, so an unreadable record is dead-lettered as it came, after the entry
 * is restored. Only registry-service may write these topics (the broker's ACLs); this catches what got there anyway.
 */
public class TrustTopicsWatch {

    private final ConfluentAvroDeserializer avro;
    private final RestoringTrustEntry restoring;

    public TrustTopicsWatch(ConfluentAvroDeserializer avro, RestoringTrustEntry restoring) {
        this.avro = avro;
        this.restoring = restoring;
    }

    @KafkaListener(id = "trust-topics-watch", groupId = "registry-service",
            topics = {"#{T(eu.creditbridge.contract.ContractTopic).INSTITUTIONS.topic()}",
                    "#{T(eu.creditbridge.contract.ContractTopic).RULESETS.topic()}"},
            properties = "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer")
    public void on(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return; // a tombstone: the registry removed the entry
        }
        TrustTopic topic = record.topic().equals(ContractTopic.INSTITUTIONS.topic()) ? TrustTopic.INSTITUTIONS : TrustTopic.RULESETS;
        SpecificRecord value;
        try {
            value = avro.deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            // Its message in ours, not as the cause: the dead letter's reason is the innermost message, and should also
            // say what became of the institution's entry.
            throw refused(topic, record, "unreadable: " + e.getMessage());
        }
        String named = null;
        if (value instanceof InstitutionUpdated institution) {
            named = institution.getSchacCode();
        } else if (value instanceof RulesetPublished ruleset) {
            named = ruleset.getInstitution();
        }
        if (!Objects.equals(named, record.key())) {
            throw refused(topic, record, "a value for " + named + " under the key of " + record.key());
        }
        if (record.headers().lastHeader(KafkaDeadLetterTopics.REPLAY_OF_HEADER) != null) {
            restoring.restore(topic, record.key());
        }
    }

    private PermanentFailure refused(TrustTopic topic, ConsumerRecord<String, byte[]> record, String what) {
        var restored = restoring.restore(topic, record.key());
        return new PermanentFailure("trust-topic record " + record.topic() + "-" + record.partition() + "@" + record.offset()
                + " is " + what + "; readers keep the last good entry"
                + restored.map(schac -> ", and " + schac + "'s current entry is published again after it").orElse(""));
    }
}
