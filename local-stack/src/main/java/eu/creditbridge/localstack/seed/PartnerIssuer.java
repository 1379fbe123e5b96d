package eu.creditbridge.localstack.seed;

import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.contract.CredentialEvent;
import eu.creditbridge.contract.CredentialIssued;
import eu.creditbridge.localstack.StateLayout;
import eu.creditbridge.localstack.broker.PartnerCommand;
import eu.creditbridge.messaging.serde.ConfluentAvroSerializer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A partner university's own issuer, as {@code seed} and {@code bench} play it: its Ed25519 key kept in the state folder
 * and registered at the registry by its demo admin, each credential of a {@link SemesterOfResults} signed and sent
 * straight onto {@code creditbridge.credentials} as its own broker principal ({@code partner-<schac>}, which may write
 * that topic and nothing else).
 */
public final class PartnerIssuer implements AutoCloseable {

    /** A signed credential ready for the topic, with what a caller tracks it by. */
    public record Outgoing(String credentialId, String learnerId, CredentialEvent event) {
    }

    /** Where the stack listens and the operator's broker sign-in (to read the trust list). */
    public record Stack(String registryUrl, String schemaRegistryUrl, Map<String, Object> adminConfig) {
    }

    private final String schac;
    private final PartnerSigningKey key;
    private final SemesterOfResults semester;
    private final String universityName;
    private final KafkaProducer<String, SpecificRecord> producer;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    private PartnerIssuer(String schac, PartnerSigningKey key, SemesterOfResults semester, String universityName,
            KafkaProducer<String, SpecificRecord> producer) {
        this.schac = schac;
        this.key = key;
        this.semester = semester;
        this.universityName = universityName;
        this.producer = producer;
    }

    /**
     * The partner ready to publish: its key loaded or created ({@code secrets/seed-signing-key-<schac>.jwk}), registered
     * and on the trust list, its broker principal created if new. {@code lingerMs} trades latency for batching: a
     * semester in one go wants batches, a steady trickle whose latency is measured wants none.
     */
    public static PartnerIssuer enrol(StateLayout state, Stack stack, String issuer, String host, int learners, int lingerMs,
            Consumer<String> out) {
        Path keyFile = state.root().resolve("secrets").resolve("seed-signing-key-" + issuer + ".jwk");
        PartnerSigningKey key = PartnerSigningKey.loadOrCreate(keyFile, issuer);
        SigningKeyRegistration.register(stack.registryUrl(), issuer, key);
        PartnerUniversity university = SigningKeyRegistration.awaitPublished(stack.adminConfig(), stack.schemaRegistryUrl(), issuer,
                host, key.keyId(), Duration.ofMinutes(2));
        out.accept("  key registered and on the trust list: " + university.name() + ", grading scheme " + university.gradingScheme()
                + " (signing key " + key.keyId() + ", private part in " + keyFile + ")");
        Properties config = new Properties();
        config.putAll(PartnerCommand.add(state, issuer));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(lingerMs));
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
        // A serializer handed over as an instance is not configured by the producer.
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer();
        serializer.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl(),
                "cloudevents.source", "/creditbridge/seed/" + issuer), false);
        SemesterOfResults semester = new SemesterOfResults(university, host, learners, LocalDate.now());
        return new PartnerIssuer(issuer, key, semester, university.name(),
                new KafkaProducer<>(config, new StringSerializer(), serializer));
    }

    /** Credential {@code index} of this run's semester, signed (each call a fresh credential id). */
    public Outgoing credential(int index) {
        CredentialEvent event = semester.event(index, key);
        String credentialId = ((CredentialIssued) event.getPayload()).getCredentialId().toString();
        return new Outgoing(credentialId, semester.learnerId(semester.learnerOf(index)), event);
    }

    /** Sends it (asynchronously); a refusal by the broker is thrown by the next send or by {@link #flush()}. */
    public void send(Outgoing credential) {
        throwIfRefused();
        producer.send(new ProducerRecord<>(ContractTopic.CREDENTIALS.topic(), credential.learnerId(), credential.event()),
                (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    } else {
                        acknowledged.incrementAndGet();
                    }
                });
    }

    /** Waits until the broker has acknowledged everything sent. */
    public void flush() {
        producer.flush();
        throwIfRefused();
    }

    private void throwIfRefused() {
        if (failure.get() != null) {
            throw new IllegalStateException("the broker refused a credential of " + schac + ": " + failure.get().getMessage(), failure.get());
        }
    }

    public long acknowledged() {
        return acknowledged.get();
    }

    public String schac() {
        return schac;
    }

    public String universityName() {
        return universityName;
    }

    public String keyId() {
        return key.keyId();
    }

    /** This run's learners are {@code <prefix><0..learners-1>}. */
    public String learnerIdPrefix() {
        String first = semester.learnerId(0);
        return first.substring(0, first.length() - 1);
    }

    public String runId() {
        return semester.runId();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
