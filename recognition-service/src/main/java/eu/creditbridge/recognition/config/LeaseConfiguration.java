package eu.creditbridge.recognition.config;

import com.mongodb.client.MongoDatabase;
import eu.creditbridge.recognition.application.JobLeases;
import eu.creditbridge.recognition.application.LeaseStore;
import eu.creditbridge.recognition.store.MongoLeaseStore;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The leases of the jobs that must run in one instance at a time when several recognition-service instances share a
 * consumer group and a store: the decisions relay, the registrar follow-up relay, re-evaluation on a new ruleset version
 * and reopening on a compromised key. The credentials themselves need none: the consumer group gives each partition
 * to one instance.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LeaseProperties.class)
public class LeaseConfiguration {

    @Bean
    LeaseStore leaseStore(MongoDatabase database, Clock clock) {
        return new MongoLeaseStore(database, clock);
    }

    /** Closed on an orderly stop: the jobs move to another instance at once. */
    @Bean
    JobLeases jobLeases(LeaseStore store, LeaseProperties properties) {
        return new JobLeases(store, properties.holder(), properties.term());
    }
}
