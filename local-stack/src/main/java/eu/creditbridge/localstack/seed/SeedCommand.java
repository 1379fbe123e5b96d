package eu.creditbridge.localstack.seed;

import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.contract.CredentialEvent;
import eu.creditbridge.localstack.LocalStack;
import eu.creditbridge.localstack.StateLayout;
import eu.creditbridge.localstack.broker.PartnerCommand;
import eu.creditbridge.localstack.chaos.ConsumerLag;
import eu.creditbridge.messaging.serde.ConfluentAvroSerializer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code ./creditbridge seed}: fills the stack that {@code ./creditbridge start} runs with a semester of a partner
 * university's results, the way that partner's own issuer publishes them: its key registered at the registry by its
 * admin, each credential signed and sent straight onto {@code creditbridge.credentials} (the issuer's REST API decides
 * nothing here and is ten times slower). Returns once recognition has decided every one, printing progress meanwhile.
 *
 * <p>"Decided" is read from the broker, as an operator would: recognition's consumer group has no lag on the
 * credentials topic and the decisions topic grew by one decision per credential. A credential recognition could not
 * read goes to its dead-letter topic instead; those are counted and named, never waited for.
 */
public final class SeedCommand {

    private static final String RECOGNITION_GROUP = "recognition-service";
    private static final String DEAD_LETTERS = ContractTopic.CREDENTIALS.topic() + ".dlt";
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final StateLayout state;
    private final SeedOptions options;
    private final Consumer<String> out;

    SeedCommand(StateLayout state, SeedOptions options, Consumer<String> out) {
        this.state = state;
        this.options = options;
        this.out = out;
    }

    /** Exit status 0 when every credential was decided in time, 1 otherwise. */
    public static int run(Path stateDir, List<String> args) {
        return run(stateDir, args, System.out::println);
    }

    /** The same, printing to {@code out}: what a test reads. */
    public static int run(Path stateDir, List<String> args, Consumer<String> out) {
        return new SeedCommand(new StateLayout(stateDir), SeedOptions.parse(args), out).seed();
    }

    int seed() {
        SeededStack stack = SeededStack.of(state);
        Instant giveUp = Instant.now().plus(options.deadline());
        Path keyFile = state.root().resolve("secrets").resolve("seed-signing-key-" + options.issuer() + ".jwk");
        PartnerSigningKey key = PartnerSigningKey.loadOrCreate(keyFile, options.issuer());
        out.accept(String.format("Seeding %,d credentials of %s for %,d learners of %s", options.credentials(), options.issuer(),
                options.learners(), options.host()) + " (signing key " + key.keyId() + ", private part in " + keyFile + ")");
        SigningKeyRegistration.register(stack.registryUrl(), options.issuer(), key);
        PartnerUniversity issuer = SigningKeyRegistration.awaitPublished(stack.admin(), stack.schemaRegistryUrl(),
                options.issuer(), options.host(), key.keyId(), Duration.ofMinutes(2));
        out.accept("  key registered and on the trust list: " + issuer.name() + ", grading scheme " + issuer.gradingScheme());
        SemesterOfResults semester = new SemesterOfResults(issuer, options.host(), options.learners(), LocalDate.now());
        try (ConsumerLag broker = new ConsumerLag(stack.admin())) {
            long decisionsBefore = records(broker, ContractTopic.DECISIONS.topic());
            long deadLettersBefore = records(broker, DEAD_LETTERS);
            Instant started = Instant.now();
            publish(stack, semester, key, giveUp);
            Duration published = Duration.between(started, Instant.now());
            out.accept(String.format("  published %,d in %.1f s (%,.0f/s); waiting for recognition ...", options.credentials(),
                    seconds(published), options.credentials() / Math.max(0.001, seconds(published))));
            Outcome outcome = awaitDecided(broker, decisionsBefore, deadLettersBefore, giveUp);
            Duration total = Duration.between(started, Instant.now());
            if (!outcome.done()) {
                out.accept(String.format("Gave up after %.0f s: %,d of %,d decided, %,d dead-lettered, recognition lag %,d. "
                        + "`./creditbridge logs recognition-service` says why; --timeout-minutes waits longer.",
                        seconds(total), outcome.decided(), options.credentials(), outcome.deadLettered(), outcome.lag()));
                return 1;
            }
            out.accept(String.format("Seeded: %,d credentials published in %.1f s, all decided after %.1f s (%,.0f credentials/s "
                    + "end to end), %,d dead-lettered. Learners: urn:schac:personalUniqueCode:int:esi:%s:seed-%s-<0..%d>",
                    options.credentials(), seconds(published), seconds(total), options.credentials() / Math.max(0.001, seconds(total)),
                    outcome.deadLettered(), options.host(), semester.runId(), options.learners() - 1));
            return outcome.deadLettered() == 0 ? 0 : 1;
        }
    }

    private void publish(SeededStack stack, SemesterOfResults semester, PartnerSigningKey key, Instant giveUp) {
        // As the partner's own broker principal (created now if new): it may write the credentials topic, nothing else.
        Properties config = new Properties();
        config.putAll(PartnerCommand.add(state, options.issuer()));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // Batches, not single records: one semester leaves in seconds; the recipients' pace is what is measured.
        config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
        // A serializer handed over as an instance is not configured by the producer.
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer();
        serializer.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl(),
                "cloudevents.source", "/creditbridge/seed/" + options.issuer()), false);
        AtomicLong acknowledged = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(config, new StringSerializer(),
                serializer)) {
            Instant nextProgress = Instant.now().plus(PROGRESS_EVERY);
            for (int index = 0; index < options.credentials(); index++) {
                if (failure.get() != null) {
                    throw new IllegalStateException("the broker refused a credential: " + failure.get().getMessage(), failure.get());
                }
                CredentialEvent event = semester.event(index, key);
                String learner = semester.learnerId(semester.learnerOf(index));
                producer.send(new ProducerRecord<>(ContractTopic.CREDENTIALS.topic(), learner, event), (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    } else {
                        acknowledged.incrementAndGet();
                    }
                });
                if (Instant.now().isAfter(nextProgress)) {
                    out.accept(String.format("  published %,d/%,d", acknowledged.get(), options.credentials()));
                    nextProgress = Instant.now().plus(PROGRESS_EVERY);
                }
                if (Instant.now().isAfter(giveUp)) {
                    throw new IllegalStateException("publishing took longer than --timeout-minutes allows");
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the broker refused a credential: " + failure.get().getMessage(), failure.get());
        }
    }

    private Outcome awaitDecided(ConsumerLag broker, long decisionsBefore, long deadLettersBefore, Instant giveUp) {
        Outcome last = new Outcome(0, 0, Long.MAX_VALUE, options.credentials());
        while (Instant.now().isBefore(giveUp)) {
            try {
                long decided = records(broker, ContractTopic.DECISIONS.topic()) - decisionsBefore;
                long deadLettered = records(broker, DEAD_LETTERS) - deadLettersBefore;
                long lag = broker.of(List.of(RECOGNITION_GROUP)).getOrDefault(RECOGNITION_GROUP, 0L);
                last = new Outcome(Math.min(decided, options.credentials()), deadLettered, lag, options.credentials());
                if (last.done()) {
                    return last;
                }
                out.accept(String.format("  decided %,d/%,d, dead-lettered %,d, recognition lag %,d", last.decided(),
                        options.credentials(), deadLettered, lag));
            } catch (Exception e) {
                out.accept("  (broker not answering: " + e.getMessage() + "; trying again)");
            }
            sleep(PROGRESS_EVERY);
        }
        return last;
    }

    /** Every credential accounted for: recognition read them all, and each is a decision or a dead letter. */
    private record Outcome(long decided, long deadLettered, long lag, long expected) {
        boolean done() {
            return lag == 0 && decided + deadLettered >= expected;
        }
    }

    private static long records(ConsumerLag broker, String topic) {
        try {
            return broker.records(List.of(topic));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic + ": " + e.getMessage(), e);
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    /** A pause between samples of the broker's offsets: nothing to await there but time. */
    private static void sleep(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Where the running stack listens, as {@code ./creditbridge start} recorded it, and the operator's broker sign-in. */
    record SeededStack(Map<String, Object> admin, String schemaRegistryUrl, String registryUrl) {
        static SeededStack of(StateLayout state) {
            Properties recorded = LocalStack.requireRecorded(state);
            String registry = recorded.getProperty("url.registry-service");
            if (registry == null) {
                throw new IllegalStateException("the stack in " + state.root() + " runs without registry-service; seed needs "
                        + "all three services (`./creditbridge start`)");
            }
            return new SeededStack(PartnerCommand.adminConfig(state), recorded.getProperty("schema-registry.url"),
                    registry);
        }
    }
}
