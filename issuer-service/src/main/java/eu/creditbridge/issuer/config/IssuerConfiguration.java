package eu.creditbridge.issuer.config;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import eu.creditbridge.contract.CredentialEvent;
import eu.creditbridge.issuer.application.CredentialSigner;
import eu.creditbridge.issuer.application.CredentialStore;
import eu.creditbridge.issuer.application.KeepingSigningKeys;
import eu.creditbridge.issuer.application.DecisionStore;
import eu.creditbridge.issuer.application.EventPublisher;
import eu.creditbridge.issuer.application.GradingTableOffers;
import eu.creditbridge.issuer.application.ImportingTranscript;
import eu.creditbridge.issuer.application.OfferingGradeDistribution;
import eu.creditbridge.issuer.application.IssuingCredential;
import eu.creditbridge.issuer.application.LookingUpCredentials;
import eu.creditbridge.issuer.application.OutboxTrigger;
import eu.creditbridge.issuer.application.RecordingRecognitionDecision;
import eu.creditbridge.issuer.application.RelayingCredentialEvents;
import eu.creditbridge.issuer.application.RevokingCredential;
import eu.creditbridge.issuer.messaging.KafkaEventPublisher;
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
import org.springframework.core.task.TaskExecutor;
import org.springframework.beans.factory.annotation.Qualifier;
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
    DecisionStore decisionStore(MongoDatabase issuerDatabase) {
        return new MongoDecisionStore(issuerDatabase);
    }

    @Bean
    EventPublisher eventPublisher(KafkaTemplate<String, CredentialEvent> kafka, IssuerProperties properties) {
        return new KafkaEventPublisher(kafka, properties.outbox().publishTimeout());
    }

    @Bean
    RelayingCredentialEvents relayingCredentialEvents(CredentialStore credentials, EventPublisher publisher, Clock clock,
                                                      IssuerProperties properties, RelayingCredentialEvents.PublicationGate gate,
                                                      OutboxTrace trace) {
        var outbox = properties.outbox();
        return new RelayingCredentialEvents(credentials, publisher, clock, outbox.lease(), outbox.batchSize(), gate, trace);
    }

    /** After a request stores events, publish them at once on another thread; the HTTP answer does not wait. */
    @Bean
    OutboxTrigger outboxTrigger(IssuerProperties properties, RelayingCredentialEvents relaying,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        if (!properties.outbox().enabled()) {
            return OutboxTrigger.NONE;
        }
        return id -> executor.execute(() -> relaying.relay(id));
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
    RecordingRecognitionDecision recordingRecognitionDecision(CredentialStore credentials, DecisionStore decisions) {
        return new RecordingRecognitionDecision(credentials, decisions);
    }

    @Bean
    RecognitionDecisionListener recognitionDecisionListener(RecordingRecognitionDecision recording) {
        return new RecognitionDecisionListener(recording);
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
