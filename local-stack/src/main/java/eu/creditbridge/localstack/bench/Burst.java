package eu.creditbridge.localstack.bench;

import com.mongodb.client.MongoClient;
import eu.creditbridge.localstack.LocalStack;
import eu.creditbridge.localstack.ServiceProcess;
import eu.creditbridge.localstack.broker.PartnerCommand;
import eu.creditbridge.localstack.chaos.ConsumerLag;
import eu.creditbridge.localstack.chaos.StoredOutcomes;
import eu.creditbridge.localstack.seed.PartnerIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.bson.Document;

/**
 * End of semester: one partner (the University of Lodz) publishes a semester of results, signed beforehand, at once, straight onto
 * {@code creditbridge.credentials}, while a second partner (University College Cork) keeps sending a few per second.
 * Timed from the first send until each of four things is true: every decision is on {@code creditbridge.decisions}
 * (the last decision record's own timestamp), every decision is stored at recognition, every learner record counts
 * each credential it recognised, and the issuer has read every decision (its consumer group's lag is zero: the issuer
 * records decisions on credentials it issued itself and passes over the partners' own, so its lag is what "recorded
 * at the issuer" can mean for a partner's burst). The stores are read once a second, so those three are to the second.
 */
final class Burst {

    static final String HOST = "eur.nl";
    static final String ISSUER = "uni.lodz.pl";
    static final String SECOND_PARTNER = "ucc.ie";
    static final String STREAM = "burst";
    static final String FAIRNESS = "fairness";
    static final String WARM_UP = "warm-up";
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    /* Quiet: all JVMs of the stack together compiling less than 5 % of a core, two seconds running. */
    private static final double QUIET_COMPILING_SHARE = 0.05;
    private static final int QUIET_SECONDS = 2;

    /** When each thing was true, from the first send; empty if not within the timeout. */
    record Result(String label, int credentials, int learners, Duration published, Optional<Duration> onTopic, Optional<Duration> stored,
            Optional<Duration> learnerRecords, Optional<Duration> atIssuer, long decided, int fairnessSent,
            Latencies.Percentiles latencies, Latencies.Percentiles fairness, Map<String, Double> cpuSeconds,
            Map<String, Double> compilingSeconds, Map<String, Long> documentsWritten, long storeWrites) {

        boolean complete() {
            return onTopic.isPresent() && stored.isPresent() && learnerRecords.isPresent() && atIssuer.isPresent();
        }

        /** Until the last of the four, or empty if one never came. */
        Optional<Duration> endToEnd() {
            return complete() ? List.of(onTopic.get(), stored.get(), learnerRecords.get(), atIssuer.get()).stream().max(Duration::compareTo)
                    : Optional.empty();
        }

        Optional<Double> perSecond() {
            return endToEnd().map(took -> Figures.perSecond(credentials, took));
        }

        /**
         * Document writes per credential, all services together, from the store's own write counters (MongoDB's
         * {@code serverStatus.opcounters}: inserts, updates, deletes): what the bulk-upsert ceiling is divided by.
         */
        double writesPerCredential() {
            return storeWrites / (double) Math.max(1, credentials + fairnessSent);
        }

        /** New documents in all services' databases per credential (the second partner's credentials counted too). */
        double documentsPerCredential() {
            long written = documentsWritten.values().stream().mapToLong(Long::longValue).sum();
            return written / (double) Math.max(1, credentials + fairnessSent);
        }
    }

    private final LocalStack stack;
    private final BenchOptions options;
    private final DecisionWatch watch;
    private final ConsumerLag broker;
    private final StoredOutcomes stored;
    private final MongoClient mongo;
    private final Consumer<String> out;

    Burst(LocalStack stack, BenchOptions options, DecisionWatch watch, ConsumerLag broker, StoredOutcomes stored, MongoClient mongo,
            Consumer<String> out) {
        this.mongo = mongo;
        this.stack = stack;
        this.options = options;
        this.watch = watch;
        this.broker = broker;
        this.stored = stored;
        this.out = out;
    }

    /**
     * The burst of {@code --credentials}, timed, with the second partner's trickle: what the report shows. After {@link
     * #warmUp}, if there was one, on the same stack.
     */
    Result run(String label, PartnerIssuer.Stack partnerStack) {
        return round("Burst", label, partnerStack, options.credentials(), options.learners(), STREAM, true);
    }

    /**
     * A first burst of {@code --warm-up} credentials (by default as many as the timed one) to learners of their own,
     * awaited like the timed one: a fresh stack's JVMs compile their hot paths during their first minute of load, which
     * is not what a deployment that has been up for a while does at the end of a semester. A poll's code runs once per
     * batch, not once per record, so it reaches the compile thresholds slowly: after a 5,000 warm-up the compilers
     * still took 19 of a 20,000 burst's 48 CPU seconds, after 50,000 6.8 s. Its figures are reported as what they are:
     * cold.
     */
    Result warmUp(String label, PartnerIssuer.Stack partnerStack) {
        int credentials = options.warmUp();
        return round("Warm-up", label, partnerStack, credentials, Math.max(1, credentials / 10), WARM_UP, false);
    }

    /** How long the JIT compilers took to go quiet after the warm-up, and what they compiled meanwhile. */
    record CompilersQuiet(Duration waited, double compilingSeconds, boolean quiet) {
    }

    /**
     * Waits, after the warm-up, until the JIT compilers of every JVM of the stack are quiet, so they finish what the
     * warm-up gave them rather than on the timed burst's CPU: a deployment has quiet minutes between its loads; this is
     * them, bounded. The wait alone does not warm a stack: after a 5,000 warm-up the compilers were quiet within 34 s and
     * still took 19 of the next 20,000 burst's 48 CPU seconds; what warms it is the warm-up's size (see warmUp).
     */
    CompilersQuiet awaitQuietCompilers() {
        Instant start = Instant.now();
        Map<String, ProcessUsage.Reading> first = ProcessUsage.of(stack);
        Map<String, ProcessUsage.Reading> previous = first;
        int quietSeconds = 0;
        while (quietSeconds < QUIET_SECONDS && Duration.between(start, Instant.now()).compareTo(options.jitQuietAtMost()) < 0) {
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));   // compiling is read as CPU over a second: nothing to await but time
            Map<String, ProcessUsage.Reading> now = ProcessUsage.of(stack);
            double compiling = ProcessUsage.total(ProcessUsage.compilingSecondsBetween(previous, now));
            quietSeconds = compiling < QUIET_COMPILING_SHARE ? quietSeconds + 1 : 0;
            previous = now;
        }
        CompilersQuiet quiet = new CompilersQuiet(Duration.between(start, Instant.now()),
                ProcessUsage.total(ProcessUsage.compilingSecondsBetween(first, previous)), quietSeconds >= QUIET_SECONDS);
        if (!options.jitQuietAtMost().isZero()) {
            out.accept(String.format("  JIT compilers %s after %s (%.1f CPU s of compiling meanwhile)", quiet.quiet() ? "quiet" : "still busy",
                    Figures.seconds(quiet.waited()), quiet.compilingSeconds()));
        }
        return quiet;
    }

    private Result round(String name, String label, PartnerIssuer.Stack partnerStack, int credentials, int learners, String streamName,
            boolean timed) {
        boolean withSecondPartner = timed && options.fairnessRate() > 0;
        out.accept(String.format("%s (%s): %,d signed credentials of %s to %,d learners of %s at once%s", name, label, credentials, ISSUER,
                learners, HOST, withSecondPartner ? String.format(", while %s sends %d/s", SECOND_PARTNER, options.fairnessRate()) : ""));
        try (PartnerIssuer partner = PartnerIssuer.enrol(stack.state(), partnerStack, ISSUER, HOST, learners, 20, out);
                PartnerIssuer second = withSecondPartner
                        ? PartnerIssuer.enrol(stack.state(), partnerStack, SECOND_PARTNER, HOST, 50, 0, out) : null) {
            if (timed && options.partnerQuotaKb() > 0) {
                PartnerCommand.limitProduceRate(stack.state(), ISSUER, options.partnerQuotaKb() * 1024L);
                out.accept(String.format("  %s may produce at most %,d KB/s (a broker quota, as partner add --produce-kb-per-second sets it)",
                        ISSUER, options.partnerQuotaKb()));
            }
            // Signed before the clock starts: a university signs its semester's results before it publishes them, and the
            // partner's signing is not the pipeline's work (it took a third of a core while the pipeline ran).
            List<PartnerIssuer.Outgoing> semester = IntStream.range(0, credentials).mapToObj(partner::credential).toList();
            Map<String, Long> documentsBefore = stored.documentCounts();
            long storedBefore = stored.decisionsAtRecognition();
            long writesBefore = writes();
            Map<String, ProcessUsage.Reading> usageBefore = ProcessUsage.of(stack);
            Instant start = Instant.now();
            Instant giveUp = start.plus(options.burstTimeout());
            AtomicBoolean burstDecided = new AtomicBoolean();
            AtomicInteger fairnessSent = new AtomicInteger();
            Thread trickle = second == null ? null : startTrickle(second, burstDecided, fairnessSent, giveUp);
            Instant nextProgress = start.plus(PROGRESS_EVERY);
            for (int index = 0; index < credentials; index++) {
                PartnerIssuer.Outgoing credential = semester.get(index);
                watch.sending(credential.credentialId(), streamName);
                partner.send(credential);
                if (Instant.now().isAfter(nextProgress)) {
                    out.accept(String.format("  published %,d/%,d", partner.acknowledged(), credentials));
                    nextProgress = Instant.now().plus(PROGRESS_EVERY);
                }
            }
            partner.flush();
            Duration published = Duration.between(start, Instant.now());
            out.accept(String.format("  published %,d in %s (%s); waiting for every decision ...", credentials, Figures.seconds(published),
                    Figures.rate(Figures.perSecond(credentials, published))));

            DecisionWatch.Stream burst = watch.stream(streamName);
            Duration onTopic = null;
            Duration storedAll = null;
            Duration learnerRecords = null;
            Duration atIssuer = null;
            while (Instant.now().isBefore(giveUp) && (onTopic == null || storedAll == null || learnerRecords == null || atIssuer == null)) {
                watch.throwIfFailed();
                Duration now = Duration.between(start, Instant.now());
                if (onTopic == null && burst.decided() >= credentials) {
                    onTopic = Duration.ofMillis(burst.lastDecisionAt() - start.toEpochMilli());
                    burstDecided.set(true);
                    joinQuietly(trickle);
                }
                long expectedStored = credentials + fairnessSent.get();
                long storedNow = stored.decisionsAtRecognition() - storedBefore;
                if (storedAll == null && onTopic != null && storedNow >= expectedStored) {
                    storedAll = now;
                }
                long components = storedAll == null ? -1 : stored.componentsOfLearners(HOST, partner.learnerIdPrefix());
                if (learnerRecords == null && storedAll != null && components >= burst.counting()) {
                    learnerRecords = now;
                }
                long issuerLag = lag(ServiceProcess.ISSUER);
                if (atIssuer == null && onTopic != null && issuerLag == 0
                        && watch.stream(FAIRNESS).decided() >= fairnessSent.get()) {
                    atIssuer = now;
                }
                if (Instant.now().isAfter(nextProgress)) {
                    out.accept(String.format("  [%6.1f s] on the topic %,d/%,d, stored %,d/%,d, recognition lag %,d, issuer lag %,d%s",
                            now.toMillis() / 1000.0, burst.decided(), credentials, storedNow, expectedStored, lag(ServiceProcess.RECOGNITION),
                            issuerLag, components >= 0 ? String.format(", learner records count %,d/%,d", components, burst.counting()) : ""));
                    nextProgress = Instant.now().plus(PROGRESS_EVERY);
                }
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));   // a pause between readings of the stores: nothing to await but time
            }
            burstDecided.set(true);
            joinQuietly(trickle);
            Map<String, ProcessUsage.Reading> usageAfter = ProcessUsage.of(stack);
            Map<String, Double> cpu = ProcessUsage.cpuSecondsBetween(usageBefore, usageAfter);
            Map<String, Double> compiling = ProcessUsage.compilingSecondsBetween(usageBefore, usageAfter);
            long storeWrites = writes() - writesBefore;
            Map<String, Long> written = new LinkedHashMap<>();
            stored.documentCounts().forEach((collection, count) -> {
                long added = count - documentsBefore.getOrDefault(collection, 0L);
                if (added != 0) {
                    written.put(collection, added);
                }
            });
            Result result = new Result(label, credentials, learners, published, Optional.ofNullable(onTopic),
                    Optional.ofNullable(storedAll), Optional.ofNullable(learnerRecords), Optional.ofNullable(atIssuer), burst.decided(),
                    fairnessSent.get(), burst.percentiles(), watch.stream(FAIRNESS).percentiles(), cpu, compiling, written, storeWrites);
            out.accept(result.complete()
                    ? String.format("  all decided, stored, counted and read by the issuer after %s: %s end to end", Figures.seconds(result.endToEnd().get()),
                            Figures.rate(result.perSecond().get()))
                    : String.format("  gave up after %s: %,d of %,d decisions on the topic", Figures.seconds(options.burstTimeout()),
                            burst.decided(), credentials));
            return result;
        }
    }

    /* The second partner: a few credentials a second, evenly spaced, until the burst's decisions are all out. */
    private Thread startTrickle(PartnerIssuer second, AtomicBoolean stop, AtomicInteger sent, Instant giveUp) {
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / options.fairnessRate();
        Thread thread = new Thread(() -> {
            long next = System.nanoTime();
            for (int index = 0; !stop.get() && Instant.now().isBefore(giveUp); index++) {
                PartnerIssuer.Outgoing credential = second.credential(index);
                watch.sending(credential.credentialId(), FAIRNESS);
                second.send(credential);
                sent.incrementAndGet();
                next += intervalNanos;
                LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));   // pacing the offered rate
            }
            second.flush();
        }, "bench-second-partner");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Inserts, updates and deletes the store has received since it started (its {@code serverStatus.opcounters}). */
    private long writes() {
        Document counters = mongo.getDatabase("admin").runCommand(new Document("serverStatus", 1)).get("opcounters", Document.class);
        if (counters == null) {
            return 0;   // a store that keeps no counters: the ratio falls back to the documents counted in the collections
        }
        return List.of("insert", "update", "delete").stream().mapToLong(key -> ((Number) counters.get(key)).longValue()).sum();
    }

    private long lag(String group) {
        try {
            return broker.of(List.of(group)).getOrDefault(group, 0L);
        } catch (Exception e) {
            return -1;
        }
    }

    private static void joinQuietly(Thread thread) {
        if (thread == null) {
            return;
        }
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
