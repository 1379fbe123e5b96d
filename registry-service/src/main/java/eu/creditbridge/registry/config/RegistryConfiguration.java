package eu.creditbridge.registry.config;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import eu.creditbridge.messaging.monitoring.OutboxBacklog;
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
import eu.creditbridge.registry.application.RegistryFeed;
import eu.creditbridge.registry.application.ReinstatingMember;
import eu.creditbridge.registry.application.RelayingRegistryChanges;
import eu.creditbridge.registry.application.RulesetStore;
import eu.creditbridge.registry.application.SuspendingMember;
import eu.creditbridge.registry.messaging.KafkaRegistryFeed;
import eu.creditbridge.registry.store.MongoAllianceStore;
import eu.creditbridge.registry.store.MongoInstitutionStore;
import eu.creditbridge.registry.store.MongoRulesetStore;
import java.time.Clock;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.beans.factory.annotation.Value;
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
    KafkaRegistryFeed registryFeed(KafkaTemplate<String, SpecificRecord> kafka, CreditBridgeProperties properties) {
        return new KafkaRegistryFeed(kafka, properties.registry().relay().ackTimeout());
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

    @Bean
    RelayingRegistryChanges relayingRegistryChanges(InstitutionStore institutions, RulesetStore rulesets,
            PropagatingAllianceNames propagation, RegistryFeed feed, CreditBridgeProperties properties) {
        return new RelayingRegistryChanges(institutions, rulesets, propagation, feed,
                properties.registry().relay().batchSize());
    }
}
