package eu.creditbridge.registry.messaging;

import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.messaging.outbox.BatchPublisher;
import eu.creditbridge.messaging.outbox.OutboxMessage;
import eu.creditbridge.registry.application.RegistryChange;
import org.apache.avro.specific.SpecificRecord;

/**
 * Registry changes as records of the compacted registry topics, keyed by SCHAC code, for the house's send-and-confirm
 * publisher: the outbox marks a change published only once the broker has acknowledged it.
 */
public final class RegistryTopics {

    private RegistryTopics() {
    }

    public static OutboxMessage<SpecificRecord> message(RegistryChange change) {
        if (change instanceof RegistryChange.InstitutionChanged institution) {
            return OutboxMessage.of(ContractTopic.INSTITUTIONS.topic(), change.institution(),
                    RegistryRecords.institutionUpdated(institution.stored().value(), institution.stored().updatedAt()));
        }
        var ruleset = (RegistryChange.RulesetChanged) change;
        return OutboxMessage.of(ContractTopic.RULESETS.topic(), change.institution(), RegistryRecords.rulesetPublished(ruleset.ruleset()));
    }

    public static BatchPublisher<RegistryChange> publisher(BatchPublisher<OutboxMessage<SpecificRecord>> records) {
        return records.from(RegistryTopics::message);
    }
}
