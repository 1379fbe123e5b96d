package eu.creditbridge.issuer.config;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import eu.creditbridge.contract.CredentialEvent;
import eu.creditbridge.issuer.application.CredentialSigner;
import eu.creditbridge.issuer.application.CredentialStore;
import eu.creditbridge.issuer.application.KeepingSigningKeys;
import eu.creditbridge.issuer.application.DecisionStore;
import eu.creditbridge.issuer.application.GradingTableOffers;
import eu.creditbridge.issuer.application.ImportingTranscript;
import eu.creditbridge.issuer.application.OfferingGradeDistribution;
import eu.creditbridge.issuer.application.IssuingCredential;
import eu.creditbridge.issuer.application.LookingUpCredentials;
import eu.creditbridge.issuer.application.LookingUpDecisions;
import eu.creditbridge.issuer.application.OutboxTrigger;
import eu.creditbridge.issuer.application.RecordingRecognitionDecision;
import eu.creditbridge.issuer.application.CredentialOutbox;
import eu.creditbridge.issuer.application.PendingEvent;
import eu.creditbridge.issuer.application.RevokingCredential;
import eu.creditbridge.issuer.messaging.CredentialEventsTopic;
import eu.creditbridge.messaging.outbox.KafkaBatchPublisher;
import eu.creditbridge.messaging.outbox.OutboxProperties;
import eu.creditbridge.messaging.outbox.OutboxRelay;
import eu.creditbridge.messaging.outbox.OutboxRelayScheduler;
import eu.creditbridge.issuer.application.RegistryListing;
import eu.creditbridge.issuer.messaging.RecognitionDecisionListener;
import eu.creditbridge.issuer.store.MongoCredentialStore;
import eu.creditbridge.issuer.store.MongoDecisionStore;
import eu.creditbridge.issuer.web.JsonBodyReader;
import eu.creditbridge.issuer.web.transcript.TranscriptDocuments;
import eu.creditbridge.messaging.monitoring.OutboxBacklog;
import eu.creditbridge.messaging.tracing.OutboxTrace;
import java.time.Clock;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Wires the use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
public class IssuerConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    MongoDatabase issuerDatabase(MongoClient client, MongoProperties mongo) {
        return client.getDatabase(mongo.getMongoClientDatabase());
    }

    @Bean
    MongoCredentialStore credentialStore(MongoDatabase issuerDatabase, OutboxTrace trace) {
        return new MongoCredentialStore(issuerDatabase, trace::currentOrNull);
    }

    /** creditbridge_outbox_backlog{service="issuer-service",outbox="credentials"}: credentials with events to publish. */
    @Bean
    OutboxBacklog credentialOutboxBacklog(MongoCredentialStore credentials) {
        return new OutboxBacklog("issuer-service", "credentials", credentials::countWithUnpublishedEvents);
    }

    @Bean
    DecisionStore decisionStore(MongoDatabase issuerDatabase, Clock clock) {
        return new MongoDecisionStore(issuerDatabase, clock);
    }

    @Bean
    CredentialOutbox credentialOutbox(CredentialStore credentials, Clock clock, OutboxProperties outbox,
                                      CredentialOutbox.PublicationGate gate) {
        return new CredentialOutbox(credentials, clock, outbox.lease(), gate);
    }

    /** The shared relay over the credentials' outbox, sending each batch through the one send-and-confirm publisher. */
    @Bean
    OutboxRelay<PendingEvent> credentialEventsRelay(CredentialOutbox outbox, KafkaTemplate<String, CredentialEvent> kafka,
                                                    OutboxProperties properties, OutboxTrace trace) {
        return new OutboxRelay<>("credentials", outbox,
                CredentialEventsTopic.publisher(new KafkaBatchPublisher<>(kafka, properties.ackTimeout(), trace)), properties.batchSize());
    }

    /**
     * After a request stores events, the relay publishes them at once on its own thread; the HTTP answer does not wait.
     * With the relay off ({@code creditbridge.outbox.enabled=false}) events wait in the outbox.
     */
    @Bean
    OutboxTrigger outboxTrigger(ObjectProvider<OutboxRelayScheduler> scheduler) {
        var relay = scheduler.getIfAvailable();
        return relay == null ? OutboxTrigger.NONE : id -> relay.relayNow();
    }

    @Bean
    IssuingCredential issuingCredential(CredentialStore credentials, OutboxTrigger outbox, Clock clock, KeepingSigningKeys keys,
                                        CredentialSigner signer) {
        return new IssuingCredential(credentials, outbox, clock, keys, signer);
    }

    @Bean
    RevokingCredential revokingCredential(CredentialStore credentials, OutboxTrigger outbox, Clock clock) {
        return new RevokingCredential(credentials, outbox, clock);
    }

    @Bean
    LookingUpCredentials lookingUpCredentials(CredentialStore credentials, DecisionStore decisions) {
        return new LookingUpCredentials(credentials, decisions);
    }

    @Bean
    LookingUpDecisions lookingUpDecisions(CredentialStore credentials, DecisionStore decisions) {
        return new LookingUpDecisions(credentials, decisions);
    }

    @Bean
    RecordingRecognitionDecision recordingRecognitionDecision(CredentialStore credentials, DecisionStore decisions,
                                                              RegistryListing registry) {
        return new RecordingRecognitionDecision(credentials, decisions, registry);
    }

    @Bean
    RecognitionDecisionListener recognitionDecisionListener(RecordingRecognitionDecision recording, OutboxTrace trace) {
        return new RecognitionDecisionListener(recording, trace);
    }

    @Bean
    ImportingTranscript importingTranscript(CredentialStore credentials, IssuingCredential issuing, RevokingCredential revoking) {
        return new ImportingTranscript(credentials, issuing, revoking);
    }

    @Bean
    OfferingGradeDistribution offeringGradeDistribution(GradingTableOffers registry, Clock clock) {
        return new OfferingGradeDistribution(registry, clock);
    }

    @Bean
    TranscriptDocuments transcriptDocuments(JsonMapper json) {
        return new TranscriptDocuments(json);
    }

    @Bean
    JsonBodyReader jsonBodyReader(JsonMapper json) {
        return new JsonBodyReader(json);
    }
}
