package eu.creditbridge.messaging.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import eu.creditbridge.messaging.PermanentFailure;
import eu.creditbridge.messaging.config.RetryPolicy.Kind;
import eu.creditbridge.messaging.outbox.PublishingFailed;
import eu.creditbridge.messaging.registry.SchemaRegistryClient;
import eu.creditbridge.messaging.registry.SchemaRegistryException;
import eu.creditbridge.messaging.registry.SchemaRegistryUnavailable;
import eu.creditbridge.messaging.serde.ConfluentAvroDeserializer;
import eu.creditbridge.messaging.serde.ConfluentWireFormat;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaProducerException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.util.backoff.BackOffExecution;

/** Which failures are dead-lettered at once, which are retried while an outage lasts, which a few times. */
class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(bind(Map.of()));

    @Test
    void permanentFailureIsDeadLetteredAtOnceWhereverItSitsInTheCauseChain() {
        assertThat(policy.classify(new PermanentFailure("credit value -3 is not valid"))).isEqualTo(Kind.PERMANENT);
        assertThat(policy.classify(listenerFailed(new PermanentFailure("unknown institution")))).isEqualTo(Kind.PERMANENT);
    }

    @Test
    void permanentFailureCausedByAnOutageStaysPermanentBecauseTheListenerSaidSo() {
        var failure = new PermanentFailure("refused", new MongoTimeoutException("no server"));

        assertThat(policy.classify(listenerFailed(failure))).isEqualTo(Kind.PERMANENT);
    }

    @Test
    void valueThatCannotBeReadIsPermanent() {
        byte[] notAvro = "{\"json\": true}".getBytes();
        var deserializer = new ConfluentAvroDeserializer(new SchemaRegistryClient("http://127.0.0.1:1"));

        Throwable refused = catchThrowable(() -> deserializer.deserialize("creditbridge.credentials", notAvro));

        assertThat(refused).isInstanceOf(SerializationException.class).hasMessageContaining("magic byte");
        assertThat(policy.classify(unreadable(refused))).isEqualTo(Kind.PERMANENT);
        var unknownSchemaId = new SerializationException("Unknown schema id 987654",
                new SchemaRegistryException("GET schemas/ids/987654 answered 404 (40403)", 404, 40403, null));
        assertThat(policy.classify(unreadable(unknownSchemaId))).isEqualTo(Kind.PERMANENT);
    }

    @Test
    void valueLargerThanTheContractAllowsIsPermanent() {
        var deserializer = new ConfluentAvroDeserializer(new SchemaRegistryClient("http://127.0.0.1:1"));
        byte[] huge = ConfluentWireFormat.frame(1, new byte[300 * 1024]);

        Throwable refused = catchThrowable(() -> deserializer.deserialize("creditbridge.credentials", huge));

        assertThat(refused).isInstanceOf(SerializationException.class).hasMessageContaining("more than the 262144 bytes");
        assertThat(policy.classify(unreadable(refused))).isEqualTo(Kind.PERMANENT);
    }

    @Test
    void schemaRegistryThatCannotBeReachedWhileReadingIsAnOutageNotAnUnreadableValue() throws IOException {
        var deserializer = new ConfluentAvroDeserializer(new SchemaRegistryClient("http://127.0.0.1:" + closedPort()));
        byte[] framed = ConfluentWireFormat.frame(42, new byte[] {2, 4});

        Throwable failure = catchThrowable(() -> deserializer.deserialize("creditbridge.credentials", framed));

        assertThat(failure).isInstanceOf(SchemaRegistryUnavailable.class).isNotInstanceOf(SerializationException.class);
        assertThat(policy.classify(unreadable(failure))).isEqualTo(Kind.OUTAGE);
        assertThat(policy.classify(unreadable(new SchemaRegistryUnavailable("GET schemas/ids/42 answered 503", 503, null))))
                .isEqualTo(Kind.OUTAGE);
    }

    @Test
    void mongoDbUnavailableIsAnOutageAsTheDriverOrSpringDataReportIt() {
        var timeout = new MongoTimeoutException("Timed out while waiting for a server");
        var socket = new MongoSocketReadException("Prematurely reached end of stream", new ServerAddress());
        var notPrimary = new MongoNotPrimaryException(new BsonDocument(), new ServerAddress());

        assertThat(policy.classify(listenerFailed(timeout))).isEqualTo(Kind.OUTAGE);
        assertThat(policy.classify(listenerFailed(socket))).isEqualTo(Kind.OUTAGE);
        assertThat(policy.classify(listenerFailed(notPrimary))).isEqualTo(Kind.OUTAGE);
        assertThat(policy.classify(listenerFailed(new DataAccessResourceFailureException("Mongo down", timeout))))
                .isEqualTo(Kind.OUTAGE);
    }

    @Test
    void brokerTimeoutWhileProducingIsAnOutage() {
        var sendFailed = new KafkaException("Send failed", new TimeoutException("Expiring 1 record(s): 120000 ms"));

        assertThat(policy.classify(listenerFailed(sendFailed))).isEqualTo(Kind.OUTAGE);
    }

    @Test
    void aDecisionTheBrokerDidNotAcknowledgeInTimeIsAnOutageButOneThatCannotBeWrittenStaysPermanent() {
        // A batch publisher's own wait runs out before the producer's delivery timeout: no Kafka exception in the chain.
        var notAcknowledged = new PublishingFailed("decision not acknowledged by the broker",
                new java.util.concurrent.TimeoutException("no acknowledgement within PT10S for 40 record(s)"));
        var unwritable = new PublishingFailed("decision not sent", new SerializationException("cannot serialize"));

        assertThat(policy.classify(listenerFailed(notAcknowledged))).isEqualTo(Kind.OUTAGE);
        assertThat(policy.classify(listenerFailed(unwritable))).isEqualTo(Kind.PERMANENT);
    }

    @Test
    void anythingElseIsRetriedAFewTimesThenDeadLettered() {
        assertThat(policy.classify(listenerFailed(new IllegalStateException("surprise")))).isEqualTo(Kind.UNKNOWN);
        // Not every Kafka failure is an outage: a record the broker will never take is not mended by waiting.
        assertThat(policy.classify(new KafkaProducerException(null, "too large",
                new org.apache.kafka.common.errors.RecordTooLargeException("1048576")))).isEqualTo(Kind.UNKNOWN);

        BackOffExecution retries = policy.unknownBackOff().start();
        long waited = 0;
        int attempts = 0;
        for (long wait = retries.nextBackOff(); wait != BackOffExecution.STOP; wait = retries.nextBackOff()) {
            waited += wait;
            attempts++;
        }
        assertThat(attempts).isEqualTo(5);
        assertThat(waited).isEqualTo(200 + 400 + 800 + 1600 + 3200);
    }

    @Test
    void outageIsRetriedWithoutLimitWaitingAtMostTheCap() {
        BackOffExecution retries = policy.outageBackOff().start();

        long longest = 0;
        for (int attempt = 0; attempt < 10_000; attempt++) {
            long wait = retries.nextBackOff();
            assertThat(wait).isNotEqualTo(BackOffExecution.STOP);
            longest = Math.max(longest, wait);
        }
        assertThat(longest).isEqualTo(30_000);
    }

    @Test
    void policyIsConfigurableUnderCreditbridgeMessagingRetry() {
        var configured = new RetryPolicy(bind(Map.of(
                "creditbridge.messaging.retry.attempts", "1",
                "creditbridge.messaging.retry.outage.max-interval", "2s",
                "creditbridge.messaging.retry.outage.exceptions", "java.io.UncheckedIOException, no.such.Exception",
                "creditbridge.messaging.retry.permanent-exceptions", "java.lang.IllegalArgumentException")));

        assertThat(configured.classify(listenerFailed(new IllegalArgumentException("bad credits")))).isEqualTo(Kind.PERMANENT);
        assertThat(configured.classify(listenerFailed(new java.io.UncheckedIOException(new IOException("reset")))))
                .isEqualTo(Kind.OUTAGE);
        // The list replaces the defaults.
        assertThat(configured.classify(listenerFailed(new MongoTimeoutException("down")))).isEqualTo(Kind.UNKNOWN);
        BackOffExecution outage = configured.outageBackOff().start();
        for (int attempt = 0; attempt < 20; attempt++) {
            assertThat(outage.nextBackOff()).isBetween(1L, 2_000L);
        }
    }

    @Test
    void errorHandlerRetriesExactlyWhatThePolicyDoesNotCallPermanent() {
        var handler = new ProbedErrorHandler();
        policy.applyTo(handler);

        for (Throwable failure : new Throwable[] {
                new PermanentFailure("no"), unreadable(new SerializationException("magic byte is 123")),
                new MessageConversionException("wrong type"), new ClassCastException("RecognitionDecided"),
                unreadable(new SchemaRegistryUnavailable("down", 0, null)), new MongoTimeoutException("down"),
                new IllegalStateException("surprise")}) {
            Exception failed = listenerFailed(failure);
            assertThat(handler.retries(failed)).as(failure.toString()).isEqualTo(policy.classify(failed) != Kind.PERMANENT);
        }
    }

    /** Exposes the handler's own classification (protected in Spring Kafka). */
    private static final class ProbedErrorHandler extends DefaultErrorHandler {
        boolean retries(Exception failure) {
            return getExceptionMatcher().match(failure);
        }
    }

    private static RetryProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("creditbridge.messaging.retry", RetryProperties.class);
    }

    private static ListenerExecutionFailedException listenerFailed(Throwable cause) {
        return new ListenerExecutionFailedException("Listener failed", cause);
    }

    /** As Spring's ErrorHandlingDeserializer reports a value it could not deserialise. */
    private static DeserializationException unreadable(Throwable cause) {
        return new DeserializationException("failed to deserialize", new byte[0], false, cause);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
