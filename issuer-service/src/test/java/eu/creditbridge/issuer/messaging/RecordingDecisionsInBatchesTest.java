package eu.creditbridge.issuer.messaging;

import static eu.creditbridge.issuer.CredentialFixtures.courseResultFromLodz;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import eu.creditbridge.contract.DecidedBy;
import eu.creditbridge.contract.DecisionReason;
import eu.creditbridge.contract.GradeConversionMethod;
import eu.creditbridge.contract.RecognitionDecided;
import eu.creditbridge.contract.RecognitionOutcome;
import eu.creditbridge.contract.SignatureVerdict;
import eu.creditbridge.issuer.InProcessMongo;
import eu.creditbridge.issuer.application.RecordingRecognitionDecision;
import eu.creditbridge.issuer.application.RecordingRecognitionDecision.Recorded;
import eu.creditbridge.issuer.domain.CredentialId;
import eu.creditbridge.issuer.domain.IssuedCredential;
import eu.creditbridge.issuer.store.MongoCredentialStore;
import eu.creditbridge.issuer.store.MongoDecisionStore;
import eu.creditbridge.messaging.PermanentFailure;
import eu.creditbridge.messaging.tracing.OutboxTrace;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * The issuer's decisions listener on a poll of records, against the wire-protocol store: recorded together, and every
 * failure handed to the error handler as a {@link BatchListenerFailedException} naming the first record not done, with
 * everything before it recorded.
 */
class RecordingDecisionsInBatchesTest {

    private static final InProcessMongo MONGO = new InProcessMongo();
    private static final Instant NOW = Instant.parse("2025-07-01T10:00:00Z");

    private MongoDatabase database;
    private MongoCredentialStore credentials;
    private RecognitionDecisionListener listener;

    @BeforeEach
    void freshIssuer() {
        database = MONGO.freshDatabase();
        credentials = new MongoCredentialStore(database);
        var recording = new RecordingRecognitionDecision(credentials, new MongoDecisionStore(database), institution -> false);
        listener = new RecognitionDecisionListener(recording, OutboxTrace.NONE);
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    private CredentialId issuedHere() {
        var issued = IssuedCredential.issue(courseResultFromLodz(CredentialId.random()), NOW);
        credentials.insert(issued);
        return issued.id();
    }

    private static RecognitionDecided decision(CredentialId credential, String receiver, int revision, RecognitionOutcome outcome) {
        return RecognitionDecided.newBuilder()
                .setDecisionId(credential + "@" + receiver).setRevision(revision).setCredentialId(UUID.fromString(credential.toString()))
                .setLearnerId("urn:schac:personalUniqueCode:int:esi:eur.nl:589834").setIssuingInstitution("uni.lodz.pl")
                .setReceivingInstitution(receiver).setOutcome(outcome)
                .setOriginalCredits(new BigDecimal("6.00")).setRecognisedCredits(new BigDecimal("6.00"))
                .setConversionMethod(GradeConversionMethod.NONE).setSignatureVerdict(SignatureVerdict.VALID)
                .setReasons(List.of(DecisionReason.newBuilder().setStep("course-equivalence").setDecisive(true)
                        .setExplanation("listed in the ruleset's equivalences").build()))
                .setRulesetVersion(3).setDecidedBy(DecidedBy.RULES).setDecidedAt(NOW).build();
    }

    private static List<ConsumerRecord<String, RecognitionDecided>> records(RecognitionDecided... values) {
        List<ConsumerRecord<String, RecognitionDecided>> records = new ArrayList<>();
        for (RecognitionDecided value : values) {
            records.add(new ConsumerRecord<>("creditbridge.decisions", 0, records.size(), value == null ? "learner" : value.getLearnerId(), value));
        }
        return records;
    }

    private Document stored(CredentialId credential, String receiver) {
        return database.getCollection("decisions").find(new Document("_id", credential + "/" + receiver)).first();
    }

    @Test
    void aPollOfDecisionsIsRecordedKeepingTheHighestRevisionAndIgnoringOtherIssuersCredentials() {
        CredentialId ours = issuedHere();
        CredentialId another = issuedHere();
        CredentialId notOurs = CredentialId.random();

        listener.on(records(
                decision(ours, "eur.nl", 1, RecognitionOutcome.NEEDS_REVIEW),
                decision(another, "eur.nl", 1, RecognitionOutcome.RECOGNISED),
                decision(ours, "eur.nl", 2, RecognitionOutcome.RECOGNISED),
                decision(notOurs, "eur.nl", 1, RecognitionOutcome.RECOGNISED),
                decision(ours, "ucc.ie", 1, RecognitionOutcome.REJECTED)));

        assertThat(stored(ours, "eur.nl").getInteger("revision")).isEqualTo(2);
        assertThat(stored(ours, "eur.nl").getString("outcome")).isEqualTo("RECOGNISED");
        assertThat(stored(ours, "ucc.ie").getString("outcome")).isEqualTo("REJECTED");
        assertThat(stored(another, "eur.nl")).isNotNull();
        assertThat(stored(notOurs, "eur.nl")).as("another issuer's credential").isNull();

        // Redelivered, and late: an older revision never replaces the newer one.
        listener.on(records(decision(ours, "eur.nl", 1, RecognitionOutcome.NEEDS_REVIEW)));
        assertThat(stored(ours, "eur.nl").getInteger("revision")).isEqualTo(2);
    }

    @Test
    void theUseCaseSaysWhatBecameOfEachDecisionOfABatch() {
        CredentialId ours = issuedHere();
        var recording = new RecordingRecognitionDecision(credentials, new MongoDecisionStore(database), institution -> false);
        var two = RecognitionDecisionMapping.toDomain(decision(ours, "eur.nl", 2, RecognitionOutcome.RECOGNISED));
        var one = RecognitionDecisionMapping.toDomain(decision(ours, "eur.nl", 1, RecognitionOutcome.NEEDS_REVIEW));
        var stranger = RecognitionDecisionMapping.toDomain(decision(CredentialId.random(), "eur.nl", 1, RecognitionOutcome.RECOGNISED));

        assertThat(recording.recordAll(List.of(two, one, stranger)))
                .containsExactly(Recorded.STORED, Recorded.STALE_REVISION_IGNORED, Recorded.UNKNOWN_ISSUER_IGNORED);
        assertThat(recording.recordAll(List.of(one))).containsExactly(Recorded.STALE_REVISION_IGNORED);
    }

    @Test
    void anUnreadableRecordIsHandedOnAloneWithTheRecordsBeforeItRecorded() {
        CredentialId first = issuedHere();
        CredentialId after = issuedHere();
        var batch = records(decision(first, "eur.nl", 1, RecognitionOutcome.RECOGNISED), null,
                decision(after, "eur.nl", 1, RecognitionOutcome.RECOGNISED));
        // As Spring Kafka's ErrorHandlingDeserializer leaves a value it could not read: null, the exception in a header.
        SerializationUtils.deserializationException(batch.get(1).headers(), "garbage".getBytes(StandardCharsets.UTF_8),
                new org.apache.kafka.common.errors.SerializationException("unknown magic byte"), false);

        assertThatThrownBy(() -> listener.on(batch))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isEqualTo(1);
                    assertThat(e.getCause()).isInstanceOf(DeserializationException.class);
                });
        assertThat(stored(first, "eur.nl")).as("recorded before the unreadable record").isNotNull();
        assertThat(stored(after, "eur.nl")).as("left for the next poll").isNull();
    }

    @Test
    void aDecisionTheDomainRefusesIsAPermanentFailureOfThatRecordOnly() {
        CredentialId first = issuedHere();
        var refused = RecognitionDecided.newBuilder(decision(issuedHere(), "eur.nl", 1, RecognitionOutcome.RECOGNISED))
                .setReceivingInstitution("not a schac code!").build();

        assertThatThrownBy(() -> listener.on(records(decision(first, "eur.nl", 1, RecognitionOutcome.RECOGNISED), refused)))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isEqualTo(1);
                    assertThat(e.getCause()).isInstanceOf(PermanentFailure.class);
                });
        assertThat(stored(first, "eur.nl")).isNotNull();
    }

    @Test
    void aStoreOutageNamesTheBatchsFirstRecordWithTheOutageAsItsCause() {
        CredentialId ours = issuedHere();
        var failing = new RecognitionDecisionListener(new RecordingRecognitionDecision(credentials, new MongoDecisionStore(database), institution -> false) {
            @Override
            public List<Recorded> recordAll(List<eu.creditbridge.issuer.domain.RecognitionDecision> batch) {
                throw new com.mongodb.MongoTimeoutException("Timed out while waiting for a server");
            }
        }, OutboxTrace.NONE);

        assertThatThrownBy(() -> failing.on(records(decision(ours, "eur.nl", 1, RecognitionOutcome.RECOGNISED))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isZero();
                    assertThat(e.getCause()).isInstanceOf(com.mongodb.MongoTimeoutException.class);
                });
    }
}
