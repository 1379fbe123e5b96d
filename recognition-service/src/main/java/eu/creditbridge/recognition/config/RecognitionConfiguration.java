package eu.creditbridge.recognition.config;

import eu.creditbridge.recognition.store.MongoRevocationStore;
import eu.creditbridge.recognition.store.MongoLearnerRecordStore;
import eu.creditbridge.recognition.store.MongoDecisionStore;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import eu.creditbridge.messaging.monitoring.OutboxBacklog;
import eu.creditbridge.messaging.tracing.OutboxTrace;
import eu.creditbridge.recognition.application.DecisionOutbox;
import eu.creditbridge.recognition.application.DecisionPublisher;
import eu.creditbridge.recognition.application.JobLeases;
import eu.creditbridge.recognition.application.StoredDecision;
import eu.creditbridge.messaging.outbox.KafkaBatchPublisher;
import eu.creditbridge.messaging.outbox.OutboxProperties;
import eu.creditbridge.messaging.outbox.OutboxRelay;
import eu.creditbridge.recognition.application.PublishingDecisions;
import eu.creditbridge.recognition.application.RecognisingCredential;
import eu.creditbridge.recognition.application.RecognisingTranscript;
import eu.creditbridge.recognition.application.RecognitionCases;
import eu.creditbridge.recognition.application.RecognitionMetrics;
import eu.creditbridge.recognition.application.RegistryView;
import eu.creditbridge.recognition.application.ReversingRecognition;
import eu.creditbridge.recognition.application.UnknownInstitutionGrace;
import eu.creditbridge.recognition.application.UnknownSigningKeyGrace;
import eu.creditbridge.recognition.domain.SignatureVerification;
import eu.creditbridge.recognition.domain.RecognitionPolicy;
import eu.creditbridge.recognition.messaging.CredentialsListener;
import eu.creditbridge.recognition.messaging.KafkaDecisionPublisher;
import eu.creditbridge.recognition.messaging.RegistryTopicsReader;
import eu.creditbridge.recognition.application.DecisionStore;
import eu.creditbridge.recognition.application.LearnerRecordStore;
import eu.creditbridge.recognition.application.RevocationStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import eu.creditbridge.recognition.application.PartnerCourses;
import eu.creditbridge.recognition.application.RecognisingCredentialBatch;
import eu.creditbridge.recognition.application.LearningAgreementStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wires the pipeline: registry view, policy, stores, use cases, and the Kafka adapters around them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CreditBridgeProperties.class)
@EnableScheduling
public class RecognitionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RecognitionConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    MongoDatabase recognitionDatabase(MongoClient client, MongoProperties properties) {
        return client.getDatabase(properties.getMongoClientDatabase());
    }

    @Bean
    DecisionStore decisionStore(MongoDatabase database, OutboxTrace trace) {
        return new MongoDecisionStore(database, trace::currentOrNull);
    }

    /** creditbridge_outbox_backlog{service="recognition-service",outbox="decisions"}: revisions not yet published. */
    @Bean
    OutboxBacklog decisionOutboxBacklog(DecisionStore decisions) {
        return new OutboxBacklog("recognition-service", "decisions", decisions::countPendingPublication);
    }

    @Bean
    LearnerRecordStore learnerRecordStore(MongoDatabase database) {
        return new MongoLearnerRecordStore(database);
    }

    @Bean
    RevocationStore revocationStore(MongoDatabase database) {
        return new MongoRevocationStore(database);
    }

    @Bean
    RegistryView registryView() {
        return new RegistryView();
    }

    /** The house's send-and-confirm publisher on the decisions' producer: one for the inline publish and the relay. */
    @Bean
    KafkaBatchPublisher<Object> decisionRecords(KafkaTemplate<String, Object> kafka, OutboxProperties outbox, OutboxTrace trace) {
        return new KafkaBatchPublisher<>(kafka, outbox.ackTimeout(), trace);
    }

    @Bean
    @ConditionalOnMissingBean(DecisionPublisher.class)
    DecisionPublisher decisionPublisher(KafkaBatchPublisher<Object> decisionRecords) {
        return new KafkaDecisionPublisher(decisionRecords);
    }

    @Bean
    PublishingDecisions publishingDecisions(DecisionStore decisions, DecisionPublisher publisher) {
        return new PublishingDecisions(decisions, publisher);
    }

    /** Republishes what a crash between storing and publishing, or a broker outage, left unpublished. */
    @Bean
    OutboxRelay<StoredDecision> decisionsRelay(DecisionStore decisions, Clock clock, KafkaBatchPublisher<Object> decisionRecords,
                                               OutboxProperties outbox, JobLeases leases) {
        return new OutboxRelay<>("decisions", new DecisionOutbox(decisions, clock, outbox.minimumAge(), leases.of(JobLeases.DECISIONS_RELAY)),
                KafkaDecisionPublisher.forRelay(decisionRecords), outbox.batchSize());
    }

    @Bean
    ReversingRecognition reversingRecognition(DecisionStore decisions, LearnerRecordStore records, RevocationStore revocations,
                                              PublishingDecisions publishing, Clock clock, RecognitionMetrics metrics) {
        return new ReversingRecognition(decisions, records, revocations, publishing, clock, metrics);
    }

    @Bean
    RecognisingCredential recognisingCredential(RegistryView view, RecognitionPolicy policy, RecognitionCases cases, DecisionStore decisions,
                                                LearnerRecordStore records, RevocationStore revocations, ReversingRecognition reversing,
                                                PublishingDecisions publishing, CreditBridgeProperties properties, Clock clock,
                                                SignatureVerification signatures, UnknownSigningKeyGrace keyGrace,
                                                RecognitionMetrics metrics) {
        return new RecognisingCredential(view, policy, cases, decisions, records, revocations, reversing, publishing,
                new UnknownInstitutionGrace(properties.credentials().unknownInstitutionGrace(), clock), signatures, keyGrace, clock,
                metrics);
    }

    @Bean
    RecognisingTranscript recognisingTranscript(RegistryView view, RecognisingCredential recognising) {
        return new RecognisingTranscript(view, recognising);
    }

    /**
     * The threads a poll's learners are decided on (signatures verified, rules run): one per core. The consumer thread
     * waits for them; daemon threads, shut down with the context.
     */
    @Bean(destroyMethod = "shutdown")
    ExecutorService recognitionWorkers() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), work -> {
            Thread thread = new Thread(work, "recognition-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    RecognisingCredentialBatch recognisingCredentialBatch(RegistryView view, RecognitionPolicy policy, DecisionStore decisions,
                                                          LearnerRecordStore records, RevocationStore revocations,
                                                          LearningAgreementStore agreements, PartnerCourses partnerCourses,
                                                          ReversingRecognition reversing, PublishingDecisions publishing,
                                                          CreditBridgeProperties properties, Clock clock, SignatureVerification signatures,
                                                          UnknownSigningKeyGrace keyGrace, RecognitionMetrics metrics,
                                                          ExecutorService recognitionWorkers) {
        return new RecognisingCredentialBatch(view, policy, decisions, records, revocations, agreements, partnerCourses, reversing,
                publishing, new UnknownInstitutionGrace(properties.credentials().unknownInstitutionGrace(), clock), signatures,
                keyGrace, clock, metrics, recognitionWorkers);
    }

    @Bean
    CredentialsListener credentialsListener(RecognisingCredentialBatch recognising, OutboxTrace trace) {
        return new CredentialsListener(recognising, trace);
    }

    @Bean
    @ConditionalOnProperty(name = "creditbridge.registry-view.enabled", matchIfMissing = true)
    RegistryTopicsReader registryTopicsReader(KafkaProperties kafka, RegistryView view, CreditBridgeProperties properties,
                                              KafkaListenerEndpointRegistry listeners, ObjectProvider<MeterRegistry> meters) {
        // Credentials are consumed only against a complete registry view: the listener waits for it.
        view.whenCaughtUp(() -> {
            MessageListenerContainer container = listeners.getListenerContainer(CredentialsListener.ID);
            if (container != null && !container.isRunning()) {
                log.info("Registry view caught up; consuming credentials");
                container.start();
            }
        });
        return new RegistryTopicsReader(kafka.buildConsumerProperties(), view, properties.registryView().pollTimeout(),
                meters.getIfAvailable());
    }
}
