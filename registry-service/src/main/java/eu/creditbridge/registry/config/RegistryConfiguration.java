package eu.creditbridge.registry.config;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import eu.creditbridge.messaging.monitoring.OutboxBacklog;
import eu.creditbridge.messaging.serde.ConfluentAvroDeserializer;
import eu.creditbridge.registry.application.AdmittingMember;
import eu.creditbridge.registry.application.AllianceStore;
import eu.creditbridge.registry.application.BrowsingRegistry;
import eu.creditbridge.registry.application.OfferingGradingTable;
import eu.creditbridge.registry.store.MongoGradingTableOfferStore;
import eu.creditbridge.registry.application.DefiningAlliance;
import eu.creditbridge.registry.application.InstitutionStore;
import eu.creditbridge.registry.application.PropagatingAllianceNames;
import eu.creditbridge.registry.application.PublishingRuleset;
import eu.creditbridge.registry.application.RegisteringInstitution;
import eu.creditbridge.registry.application.ReinstatingMember;
import eu.creditbridge.registry.application.RegistryChange;
import eu.creditbridge.registry.application.RegistryOutbox;
import eu.creditbridge.registry.application.RulesetStore;
import eu.creditbridge.registry.application.SuspendingMember;
import eu.creditbridge.registry.messaging.RegistryTopics;
import eu.creditbridge.messaging.outbox.KafkaBatchPublisher;
import eu.creditbridge.messaging.outbox.OutboxProperties;
import eu.creditbridge.messaging.outbox.OutboxRelay;
import eu.creditbridge.messaging.tracing.OutboxTrace;
import eu.creditbridge.registry.application.RestoringTrustEntry;
import eu.creditbridge.registry.messaging.TrustTopicsWatch;
import eu.creditbridge.registry.store.MongoAllianceStore;
import eu.creditbridge.registry.store.MongoInstitutionStore;
import eu.creditbridge.registry.store.MongoRulesetStore;
import java.time.Clock;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/** Wires the use cases to the MongoDB stores and the Kafka feed. */
@Configuration(proxyBeanMethods = false)
public class RegistryConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    MongoDatabase registryDatabase(MongoClient client,
            @Value("${spring.mongodb.database:creditbridge-registry}") String database) {
        return client.getDatabase(database);
    }

    @Bean
    MongoInstitutionStore institutionStore(MongoDatabase database) {
        return new MongoInstitutionStore(database);
    }

    @Bean
    MongoAllianceStore allianceStore(MongoDatabase database) {
        return new MongoAllianceStore(database);
    }

    @Bean
    MongoRulesetStore rulesetStore(MongoDatabase database) {
        return new MongoRulesetStore(database);
    }

    /**
     * creditbridge_outbox_backlog{service="registry-service",outbox="registry-changes"}: institution changes and
     * ruleset versions not yet relayed to the compacted topics.
     */
    @Bean
    OutboxBacklog registryOutboxBacklog(MongoInstitutionStore institutions, MongoRulesetStore rulesets) {
        return new OutboxBacklog("registry-service", "registry-changes",
                () -> institutions.countPendingPublication() + rulesets.countPendingPublication());
    }

    @Bean
    MongoGradingTableOfferStore gradingTableOfferStore(MongoDatabase database) {
        return new MongoGradingTableOfferStore(database);
    }

    @Bean
    OfferingGradingTable offeringGradingTable(InstitutionStore institutions, MongoGradingTableOfferStore offers, Clock clock) {
        return new OfferingGradingTable(institutions, offers, clock);
    }

    @Bean
    BrowsingRegistry browsingRegistry(InstitutionStore institutions, AllianceStore alliances, RulesetStore rulesets) {
        return new BrowsingRegistry(institutions, alliances, rulesets);
    }

    @Bean
    RegisteringInstitution registeringInstitution(InstitutionStore institutions, Clock clock) {
        return new RegisteringInstitution(institutions, clock);
    }

    @Bean
    PropagatingAllianceNames propagatingAllianceNames(AllianceStore alliances, InstitutionStore institutions, Clock clock) {
        return new PropagatingAllianceNames(alliances, institutions, clock);
    }

    @Bean
    DefiningAlliance definingAlliance(AllianceStore alliances, PropagatingAllianceNames propagation) {
        return new DefiningAlliance(alliances, propagation);
    }

    @Bean
    AdmittingMember admittingMember(AllianceStore alliances, InstitutionStore institutions, Clock clock) {
        return new AdmittingMember(alliances, institutions, clock);
    }

    @Bean
    SuspendingMember suspendingMember(AllianceStore alliances, InstitutionStore institutions, Clock clock) {
        return new SuspendingMember(alliances, institutions, clock);
    }

    @Bean
    ReinstatingMember reinstatingMember(AllianceStore alliances, InstitutionStore institutions, Clock clock) {
        return new ReinstatingMember(alliances, institutions, clock);
    }

    @Bean
    PublishingRuleset publishingRuleset(InstitutionStore institutions, RulesetStore rulesets, Clock clock) {
        return new PublishingRuleset(institutions, rulesets, clock);
    }

    /** The house's relay over the registry's outbox, through the one send-and-confirm publisher. */
    @Bean
    OutboxRelay<RegistryChange> registryChangesRelay(InstitutionStore institutions, RulesetStore rulesets,
            PropagatingAllianceNames propagation, KafkaTemplate<String, SpecificRecord> kafka, OutboxProperties outbox,
            OutboxTrace trace) {
        return new OutboxRelay<>("registry-changes", new RegistryOutbox(institutions, rulesets, propagation),
                RegistryTopics.publisher(new KafkaBatchPublisher<>(kafka, outbox.ackTimeout(), trace)), outbox.batchSize());
    }

    @Bean
    RestoringTrustEntry restoringTrustEntry(InstitutionStore institutions, RulesetStore rulesets) {
        return new RestoringTrustEntry(institutions, rulesets);
    }

    /** Reads the trust topics back with the service's own consumer settings (registry URL, value size limit). */
    @Bean
    TrustTopicsWatch trustTopicsWatch(KafkaProperties kafka, RestoringTrustEntry restoring) {
        var avro = new ConfluentAvroDeserializer();
        avro.configure(kafka.buildConsumerProperties(), false);
        return new TrustTopicsWatch(avro, restoring);
    }
}
