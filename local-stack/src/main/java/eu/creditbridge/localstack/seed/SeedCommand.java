package eu.creditbridge.localstack.seed;

import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.localstack.StateLayout;
import eu.creditbridge.localstack.broker.PartnerCommand;
import eu.creditbridge.localstack.chaos.ConsumerLag;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

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
        out.accept(String.format("Seeding %,d credentials of %s for %,d learners of %s", options.credentials(), options.issuer(),
                options.learners(), options.host()));
        // Batches, not single records: one semester leaves in seconds; the recipients' pace is what is measured.
        try (PartnerIssuer partner = PartnerIssuer.enrol(state, stack.partnerStack(), options.issuer(), options.host(),
                options.learners(), 20, out);
                ConsumerLag broker = new ConsumerLag(stack.admin())) {
            long decisionsBefore = records(broker, ContractTopic.DECISIONS.topic());
            long deadLettersBefore = records(broker, DEAD_LETTERS);
            Instant started = Instant.now();
            publish(partner, giveUp);
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
                    + "end to end), %,d dead-lettered. Learners: %s<0..%d>",
                    options.credentials(), seconds(published), seconds(total), options.credentials() / Math.max(0.001, seconds(total)),
                    outcome.deadLettered(), partner.learnerIdPrefix(), options.learners() - 1));
            return outcome.deadLettered() == 0 ? 0 : 1;
        }
    }

    private void publish(PartnerIssuer partner, Instant giveUp) {
        Instant nextProgress = Instant.now().plus(PROGRESS_EVERY);
        for (int index = 0; index < options.credentials(); index++) {
            partner.send(partner.credential(index));
            if (Instant.now().isAfter(nextProgress)) {
                out.accept(String.format("  published %,d/%,d", partner.acknowledged(), options.credentials()));
                nextProgress = Instant.now().plus(PROGRESS_EVERY);
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("publishing took longer than --timeout-minutes allows");
            }
        }
        partner.flush();
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
            Properties recorded = state.requireRecorded();
            String registry = recorded.getProperty("url.registry-service");
            if (registry == null) {
                throw new IllegalStateException("the stack in " + state.root() + " runs without registry-service; seed needs "
                        + "all three services (`./creditbridge start`)");
            }
            return new SeededStack(PartnerCommand.adminConfig(state), recorded.getProperty("schema-registry.url"),
                    registry);
        }

        PartnerIssuer.Stack partnerStack() {
            return new PartnerIssuer.Stack(registryUrl, schemaRegistryUrl, admin);
        }
    }
}
