package eu.creditbridge.recognition.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.mongodb.MongoTimeoutException;
import eu.creditbridge.contract.CredentialEvent;
import eu.creditbridge.contract.CredentialRevoked;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.messaging.PermanentFailure;
import eu.creditbridge.messaging.config.RetryPolicy;
import eu.creditbridge.messaging.config.RetryProperties;
import eu.creditbridge.messaging.tracing.OutboxTrace;
import eu.creditbridge.recognition.application.RecognisingCredentialBatch;
import eu.creditbridge.recognition.application.RecognisingCredentialBatch.Event;
import eu.creditbridge.recognition.application.RecognisingCredentialBatch.Result;
import eu.creditbridge.recognition.application.RevocationRefused;
import eu.creditbridge.recognition.domain.Revocation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Every failure of a poll leaves the listener as a {@link BatchListenerFailedException} naming the first record not done,
 * with a cause the shared error handler classifies as it would for one record: a revocation in another university's name
 * is permanent (dead-lettered at once), an unreadable record is handed on alone, a MongoDB outage is an outage (retried
 * while it lasts, never dead-lettered).
 */
class CredentialsListenerFailuresTest {

    private static final String LEARNER = "urn:schac:personalUniqueCode:int:esi:pl:123456";

    private final RecognisingCredentialBatch recognising = mock(RecognisingCredentialBatch.class);
    private final CredentialsListener listener = new CredentialsListener(recognising, OutboxTrace.NONE);
    private final RetryPolicy policy = new RetryPolicy(new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("creditbridge.messaging.retry", RetryProperties.class));

    @Test
    void aRevocationInAnotherUniversitysNameIsAPermanentFailureOfThatRecordNamingWhy() {
        CredentialRevoked forged = revoked("ucc.ie");
        RevocationRefused refused = new RevocationRefused(new Revocation(forged.getCredentialId(), SchacCode.of("ucc.ie"),
                eu.creditbridge.kernel.EuropeanStudentIdentifier.of(LEARNER), SchacCode.of("uni.lodz.pl"), forged.getRevokedAt(), "forged"),
                SchacCode.of("eur.nl"));
        when(recognising.recognise(anyList())).thenReturn(List.of(
                new Result(Result.Status.DONE, Optional.empty(), null),
                new Result(Result.Status.FAILED, Optional.empty(), refused)));

        assertThatThrownBy(() -> listener.on(records(revoked("eur.nl"), forged)))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isEqualTo(1);
                    assertThat(e.getCause()).isInstanceOf(PermanentFailure.class)
                            .hasMessageContaining("sent in the name of ucc.ie, but the credential was issued by eur.nl")
                            .hasRootCauseInstanceOf(RevocationRefused.class);
                    assertThat(policy.classify(e)).isEqualTo(RetryPolicy.Kind.PERMANENT);
                });
    }

    @Test
    void anUnreadableRecordIsHandedOnAloneWithTheRecordsBeforeItDecided() {
        List<ConsumerRecord<String, CredentialEvent>> poll = records(revoked("eur.nl"), null, revoked("eur.nl"));
        // As Spring Kafka's ErrorHandlingDeserializer leaves a value it could not read: null, the exception in a header.
        SerializationUtils.deserializationException(poll.get(1).headers(), "garbage".getBytes(StandardCharsets.UTF_8),
                new org.apache.kafka.common.errors.SerializationException("unknown magic byte"), false);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<Event>> handed = ArgumentCaptor.forClass(List.class);
        when(recognising.recognise(handed.capture())).thenReturn(List.of(new Result(Result.Status.DONE, Optional.empty(), null)));

        assertThatThrownBy(() -> listener.on(poll))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isEqualTo(1);
                    assertThat(e.getCause()).isInstanceOf(DeserializationException.class);
                    assertThat(policy.classify(e)).isEqualTo(RetryPolicy.Kind.PERMANENT);
                });
        assertThat(handed.getValue()).as("only the record before the unreadable one").hasSize(1);
    }

    @Test
    void aStoreOutageNamesTheFirstRecordNotDoneAndIsRetriedAsAnOutage() {
        MongoTimeoutException outage = new MongoTimeoutException("Timed out while waiting for a server");
        when(recognising.recognise(anyList())).thenReturn(List.of(
                new Result(Result.Status.DONE, Optional.empty(), null),
                new Result(Result.Status.FAILED, Optional.empty(), outage),
                new Result(Result.Status.FAILED, Optional.empty(), outage)));

        assertThatThrownBy(() -> listener.on(records(revoked("eur.nl"), revoked("eur.nl"), revoked("eur.nl"))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isEqualTo(1);
                    assertThat(e.getCause()).isSameAs(outage);
                    assertThat(policy.classify(e)).isEqualTo(RetryPolicy.Kind.OUTAGE);
                });
    }

    private static CredentialRevoked revoked(String issuer) {
        return CredentialRevoked.newBuilder().setCredentialId(UUID.randomUUID()).setIssuingInstitution(issuer)
                .setLearnerId(LEARNER).setHomeInstitution("uni.lodz.pl")
                .setRevokedAt(Instant.parse("2025-03-01T09:00:00Z")).setReason("issued to the wrong learner").build();
    }

    private static List<ConsumerRecord<String, CredentialEvent>> records(CredentialRevoked... revocations) {
        List<ConsumerRecord<String, CredentialEvent>> records = new ArrayList<>();
        for (CredentialRevoked revoked : revocations) {
            CredentialEvent event = revoked == null ? null : CredentialEvent.newBuilder().setEventId(UUID.randomUUID())
                    .setOccurredAt(Instant.now()).setPayload(revoked).build();
            records.add(new ConsumerRecord<>("creditbridge.credentials", 0, records.size(), LEARNER, event));
        }
        return records;
    }
}
