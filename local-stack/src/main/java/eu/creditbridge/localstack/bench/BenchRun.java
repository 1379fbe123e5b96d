package eu.creditbridge.localstack.bench;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import eu.creditbridge.localstack.LocalStack;
import eu.creditbridge.localstack.StackArtifacts;
import eu.creditbridge.localstack.chaos.ConsumerLag;
import eu.creditbridge.localstack.chaos.StoredOutcomes;
import eu.creditbridge.localstack.seed.PartnerIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The bench's parts on one running stack, each figure put into the {@link BenchReport} as it comes: the raw ceilings
 * first (so the burst's ratio has them), then the burst with the second partner, the steady rate, REST issuing, and
 * what every process spent. The chart of the stack's run is written at the end.
 */
final class BenchRun {

    /** What one stack's run found that the next stack's rows compare with. */
    record StackFigures(Optional<StoreCeiling.Result> store, Optional<Burst.Result> burst) {
    }

    private final BenchOptions options;
    private final StackArtifacts artifacts;
    private final BenchReport report;
    private final Consumer<String> out;

    BenchRun(BenchOptions options, StackArtifacts artifacts, BenchReport report, Consumer<String> out) {
        this.options = options;
        this.artifacts = artifacts;
        this.report = report;
        this.out = out;
    }

    /**
     * Runs what {@code parts} ask for on {@code stack}; {@code label} names the store ("durable" or "in-memory").
     * {@code writesPerCredential}, if known from an earlier stack, stands in where this stack's burst did not count.
     */
    StackFigures on(LocalStack stack, String label, boolean durable, Path resultsDir, Optional<Double> writesPerCredential) {
        return on(stack, label, durable, 1, options.parts(), resultsDir, writesPerCredential);
    }

    /**
     * The same with {@code instances} recognition-service instances in the stack and only {@code parts} run (the
     * two-instance stack runs the burst alone); its figures are kept apart from the one-instance stack's.
     */
    StackFigures on(LocalStack stack, String label, boolean durable, int instances, Set<BenchPart> parts, Path resultsDir,
            Optional<Double> writesPerCredential) {
        String name = instances > 1 ? label + "-" + instances + "-recognition-instances" : label;
        String storeLabel = label + " store" + (instances > 1 ? ", " + instances + " recognition-service instances" : "");
        Map<String, Object> adminConfig = stack.kafkaAdminConfig();
        PartnerIssuer.Stack partnerStack = new PartnerIssuer.Stack(stack.registry().url(), stack.schemaRegistryUrl(), adminConfig);
        Map<String, Object> json = new LinkedHashMap<>();
        report.put(name, json);
        Optional<StoreCeiling.Result> store = Optional.empty();
        Optional<Burst.Result> burst = Optional.empty();
        try (ConsumerLag broker = new ConsumerLag(adminConfig);
                Timeline timeline = new Timeline(broker);
                DecisionWatch watch = new DecisionWatch(adminConfig, stack.schemaRegistryUrl()).start();
                StoredOutcomes stored = new StoredOutcomes(stack.mongoUri());
                MongoClient mongo = MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(stack.mongoUri()))
                        .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(10, TimeUnit.SECONDS)).build())) {
            Map<String, ProcessUsage.Reading> atStart = ProcessUsage.of(stack);
            if (parts.contains(BenchPart.CEILINGS) || !durable) {
                out.accept("Raw ceilings on this stack (" + label + " store)");
                if (durable) {
                    timeline.part("kafka perf tools");
                    KafkaCeilings.Result kafka = KafkaCeilings.measure(artifacts, adminConfig, stack.kafka().partitions(), options.perfRecords(),
                            stack.state().root(), out);
                    report.row("Kafka's own ProducerPerformance, 1.5 KB records, acks=all", Figures.rate(kafka.producedPerSecond()) + " records",
                            "raw ceiling, " + String.format("%,d", kafka.records()) + " records");
                    report.row("Kafka's own ConsumerPerformance, the same topic", Figures.rate(kafka.consumedPerSecond()) + " records", "raw ceiling");
                    json.put("kafka", kafka);
                }
                timeline.part("store ceiling");
                StoreCeiling.Result ceiling = StoreCeiling.measure(mongo, options.storeDocuments(), out);
                store = Optional.of(ceiling);
                report.row("MongoDB (" + label + "), unordered bulk upserts of 1.5 KB documents through the driver",
                        Figures.rate(ceiling.perSecond()) + " documents", "raw ceiling, " + String.format("%,d", ceiling.documents()) + " documents");
                json.put("storeCeilingPerSecond", ceiling.perSecond());
            }
            if (parts.contains(durable ? BenchPart.BURST : BenchPart.MEMORY_BURST)) {
                Burst bursts = new Burst(stack, options, watch, broker, stored, mongo, out);
                if (options.warmUp() > 0) {
                    timeline.part("warm-up");
                    warmUpRow(bursts.warmUp(storeLabel, partnerStack), bursts.awaitQuietCompilers(), storeLabel, json);
                }
                timeline.part("burst");
                Burst.Result result = bursts.run(storeLabel, partnerStack);
                burst = Optional.of(result);
                Optional<Double> boundWithStoreAtCeiling = burstRows(result, storeLabel, store, writesPerCredential);
                Map<String, Object> burstJson = burstJson(result);
                boundWithStoreAtCeiling.ifPresent(bound -> burstJson.put("cpuBoundWithStoreAtCeiling", bound));
                json.put("burst", burstJson);
                if (store.isPresent() && result.complete() && result.storeWrites() > 0) {
                    timeline.part("store ceiling, shaped");
                    shapedCeilingRow(mongo, result, storeLabel, json);
                }
            }
            if (durable && parts.contains(BenchPart.LATENCY)) {
                timeline.part("steady rate");
                SteadyRate.Result latency = SteadyRate.run(stack, partnerStack, options, watch, out);
                report.row(String.format("latency at %d/s offered for %d s, issue → decision on the topic", options.rate(), options.latencySeconds()),
                        percentiles(latency.latencies()), String.format("offered %s; %,d of %,d decided; max %s", Figures.rate(latency.offeredPerSecond()),
                                latency.decided(), latency.sent(), Figures.millis(latency.latencies().max())));
                json.put("latency", Map.of("sent", latency.sent(), "offeredPerSecond", latency.offeredPerSecond(), "decided", latency.decided(),
                        "latencyMillis", latency.latencies()));
            }
            if (durable && parts.contains(BenchPart.REST)) {
                timeline.part("REST");
                out.accept("REST issuing");
                RestIssuing rest = new RestIssuing(stack);
                RestIssuing.Result single = rest.single(options.restCredentials(), options.restClients(), out);
                report.row("REST issuing: " + single.how(), Figures.rate(single.perSecond()) + " credentials",
                        String.format("%,d of %,d accepted in %s", single.accepted(), single.offered(), Figures.seconds(single.took())));
                json.put("restSingle", restJson(single));
                if (rest.hasBatchEndpoint()) {
                    RestIssuing.Result batch = rest.batch(options.restCredentials(), options.restClients(), out);
                    report.row("REST issuing: " + batch.how(), Figures.rate(batch.perSecond()) + " credentials",
                            String.format("%,d of %,d accepted in %s; %s", batch.accepted(), batch.offered(), Figures.seconds(batch.took()),
                                    String.join("; ", batch.refusals())));
                    json.put("restBatch", restJson(batch));
                } else {
                    out.accept("  " + RestIssuing.BATCH_PATH + " is not in this issuer's OpenAPI document: not measured");
                    report.row("REST issuing: POST " + RestIssuing.BATCH_PATH, "not measured", "this issuer has no such endpoint (checked in its /v3/api-docs)");
                    json.put("restBatch", "absent");
                }
            }
            timeline.part("end");
            processRows(name, atStart, ProcessUsage.of(stack), burst, json);
            Path chart = resultsDir.resolve("bench-" + name + ".svg");
            write(chart, SvgChart.render("CreditBridge bench, " + storeLabel + ": decisions/s and recognition's consumer lag", timeline.samples()));
            json.put("timeline", timeline.samples());
            json.put("chart", chart.toString());
        }
        return new StackFigures(store, burst);
    }

    /** The burst's rows; returns the most the cores would carry with the store at its ceiling's cost, if a ceiling was measured. */
    private Optional<Double> burstRows(Burst.Result burst, String label, Optional<StoreCeiling.Result> store, Optional<Double> knownWritesPerCredential) {
        double writesPerCredential = burst.storeWrites() > 0 ? burst.writesPerCredential() : knownWritesPerCredential.orElse(0.0);
        Optional<Double> boundWithStoreAtCeiling = Optional.empty();
        report.row("document writes per credential, all services (" + label + " burst, the store's opcounters)",
                String.format("%.2f", burst.writesPerCredential()), String.format("%,d inserts, updates and deletes", burst.storeWrites()));
        report.row("documents a credential adds to the store (" + label + " burst, all services' collections after the run)",
                String.format("%.2f", burst.documentsPerCredential()), burst.documentsWritten().toString());
        String what = String.format("burst, %s: %,d signed credentials to %,d learners onto the topic at once%s", label, burst.credentials(),
                burst.learners(), options.partnerQuotaKb() > 0 ? String.format(" (produce quota %,d KB/s)", options.partnerQuotaKb()) : "");
        if (burst.complete()) {
            String beside = store.filter(s -> writesPerCredential > 0).map(s -> {
                double bound = s.perSecond() / writesPerCredential;
                return String.format("%s of the store's ceiling ÷ %.2f writes (%s)", Figures.ratio(burst.perSecond().get() / bound),
                        writesPerCredential, Figures.rate(bound));
            }).orElse("no store ceiling measured in this run");
            report.row(what, Figures.rate(burst.perSecond().get()) + " credentials end to end (" + Figures.seconds(burst.endToEnd().get()) + ")", beside);
            boundWithStoreAtCeiling = cpuBudgetRows(CpuBudget.of(burst), store, writesPerCredential);
        } else {
            report.row(what, "not done within " + Figures.seconds(options.burstTimeout()), String.format("%,d of %,d decisions on the topic",
                    burst.decided(), burst.credentials()));
        }
        report.row("  every decision on the topic / stored / counted by the learner records / read by the issuer",
                String.join(" / ", List.of(time(burst.onTopic()), time(burst.stored()), time(burst.learnerRecords()), time(burst.atIssuer()))),
                "published in " + Figures.seconds(burst.published()) + " (" + Figures.rate(Figures.perSecond(burst.credentials(), burst.published())) + ")");
        report.row("  burst, issue → decision on the topic", percentiles(burst.latencies()), "max " + Figures.millis(burst.latencies().max()));
        if (burst.fairnessSent() > 0) {
            report.row(String.format("  second partner (%s, %d/s) during the burst, issue → decision", Burst.SECOND_PARTNER, options.fairnessRate()),
                    "p99 " + Figures.millis(burst.fairness().p99()), percentiles(burst.fairness()) + String.format(", %,d credentials", burst.fairnessSent()));
        }
        return boundWithStoreAtCeiling;
    }

    /**
     * How far this machine's cores would carry the pipeline at the CPU a credential cost in this burst (see
     * {@link CpuBudget}): with every process as it was, without the store, warm, and with the store at its ceiling's cost.
     */
    private Optional<Double> cpuBudgetRows(CpuBudget budget, Optional<StoreCeiling.Result> store, double writesPerCredential) {
        String outside = budget.outsideStoreMillis().entrySet().stream()
                .map(e -> String.format("%s %.2f", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
        report.row(String.format("  CPU per credential in the burst, all processes, on this machine's %d cores", budget.cores()),
                String.format("%.2f ms: at most %s", budget.millisPerCredential(), Figures.rate(budget.boundPerSecond())),
                String.format("the services and Kafka %.2f ms (%s), %.2f ms less their JIT compiling", budget.millisOutsideStore(), outside,
                        budget.millisOutsideStoreWarm()));
        Optional<StoreCeiling.Result> ceiling = store.filter(s -> writesPerCredential > 0);
        Optional<Double> withStore = ceiling.map(s -> budget.boundWithStoreAtCeilingPerSecond(s.perSecond(), writesPerCredential));
        report.row("  the most these cores would carry at that CPU per credential",
                String.format("%s with a store that cost nothing, %s warm", Figures.rate(budget.boundWithoutStorePerSecond()),
                        Figures.rate(budget.boundWithoutStoreWarmPerSecond())),
                withStore.map(bound -> String.format("%s warm with the store at its ceiling's cost per write: %s of the store's ceiling ÷ %.2f writes",
                        Figures.rate(bound), Figures.ratio(bound / (ceiling.get().perSecond() / writesPerCredential)), writesPerCredential))
                        .orElse("no store ceiling measured in this run"));
        return withStore;
    }

    /**
     * The store's ceiling again, on documents like the ones the burst wrote (their mean size, random ids) and on the store
     * as the burst left it, with the burst's ratio to it: how close the pipeline came to what this store does with its
     * kind of writes. The 1.5 KB ceiling above stays the yardstick.
     */
    private void shapedCeilingRow(MongoClient mongo, Burst.Result burst, String label, Map<String, Object> json) {
        OptionalDouble bytes = StoreCeiling.meanDocumentBytes(mongo, burst.documentsWritten(), 200);
        if (bytes.isEmpty()) {
            return;
        }
        int documentBytes = (int) Math.round(bytes.getAsDouble());
        StoreCeiling.Result shaped = StoreCeiling.measureShaped(mongo, options.storeDocuments(), documentBytes, out);
        double bound = shaped.perSecond() / burst.writesPerCredential();
        double ratio = burst.perSecond().orElse(0.0) / bound;
        report.row(String.format("MongoDB (%s), the same upserts shaped like the burst's writes: %,d-byte documents (the mean the burst added), "
                        + "random ids, into the store as the burst left it", label, documentBytes),
                Figures.rate(shaped.perSecond()) + " documents", String.format("the burst at %s of this ceiling ÷ %.2f writes (%s)", Figures.ratio(ratio),
                        burst.writesPerCredential(), Figures.rate(bound)));
        json.put("storeCeilingShaped", Map.of("documentBytes", documentBytes, "documents", shaped.documents(), "perSecond", shaped.perSecond(),
                "burstRatio", ratio));
    }

    /** The warm-up's own figure, labelled as cold: the first seconds of load on fresh JVMs; and the JIT's wait after it. */
    private void warmUpRow(Burst.Result warmUp, Burst.CompilersQuiet compilers, String label, Map<String, Object> json) {
        String what = String.format("warm-up on the fresh stack (%s), untimed: %,d credentials to %,d learners, cold JVMs", label,
                warmUp.credentials(), warmUp.learners());
        report.row(what, warmUp.complete() ? Figures.rate(warmUp.perSecond().get()) + " credentials end to end (" + Figures.seconds(warmUp.endToEnd().get()) + ")"
                : "not done within " + Figures.seconds(options.burstTimeout()), String.format("%.2f document writes per credential; %.1f CPU s of it JIT compiling",
                        warmUp.writesPerCredential(), ProcessUsage.total(warmUp.compilingSeconds())));
        report.row(String.format("  then, until the JIT compilers of every process are quiet (< 5 %% of a core for 2 s; at most %d s)",
                        options.jitQuietAtMost().toSeconds()),
                options.jitQuietAtMost().isZero() ? "not awaited (--jit-quiet-seconds 0)"
                        : (compilers.quiet() ? "quiet after " : "still compiling after ") + Figures.seconds(compilers.waited()),
                String.format("%.1f CPU s of compiling meanwhile", compilers.compilingSeconds()));
        json.put("compilersQuiet", Map.of("seconds", compilers.waited().toMillis() / 1000.0, "compilingSeconds", compilers.compilingSeconds(),
                "quiet", compilers.quiet()));
        json.put("warmUp", burstJson(warmUp));
    }

    private static Map<String, Object> burstJson(Burst.Result burst) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("credentials", burst.credentials());
        json.put("learners", burst.learners());
        json.put("publishedSeconds", burst.published().toMillis() / 1000.0);
        json.put("onTopicSeconds", seconds(burst.onTopic()));
        json.put("storedSeconds", seconds(burst.stored()));
        json.put("learnerRecordsSeconds", seconds(burst.learnerRecords()));
        json.put("atIssuerSeconds", seconds(burst.atIssuer()));
        json.put("endToEndSeconds", seconds(burst.endToEnd()));
        json.put("credentialsPerSecond", burst.perSecond().orElse(null));
        json.put("latencyMillis", burst.latencies());
        json.put("secondPartnerSent", burst.fairnessSent());
        json.put("secondPartnerLatencyMillis", burst.fairness());
        json.put("documentsWritten", burst.documentsWritten());
        json.put("documentsPerCredential", burst.documentsPerCredential());
        json.put("storeWrites", burst.storeWrites());
        json.put("writesPerCredential", burst.writesPerCredential());
        json.put("cpuSeconds", burst.cpuSeconds());
        json.put("jitCompilingSeconds", burst.compilingSeconds());
        if (!burst.cpuSeconds().isEmpty()) {
            CpuBudget budget = CpuBudget.of(burst);
            json.put("cpuBudget", Map.of("cores", budget.cores(), "millisPerCredential", budget.millisPerCredential(),
                    "boundPerSecond", budget.boundPerSecond(), "millisOutsideStore", budget.millisOutsideStore(),
                    "outsideStoreMillis", budget.outsideStoreMillis(), "boundWithoutStorePerSecond", budget.boundWithoutStorePerSecond(),
                    "millisOutsideStoreWarm", budget.millisOutsideStoreWarm(), "boundWithoutStoreWarmPerSecond", budget.boundWithoutStoreWarmPerSecond()));
        }
        return json;
    }

    private void processRows(String label, Map<String, ProcessUsage.Reading> atStart, Map<String, ProcessUsage.Reading> atEnd,
            Optional<Burst.Result> burst, Map<String, Object> json) {
        Map<String, Double> overRun = ProcessUsage.cpuSecondsBetween(atStart, atEnd);
        Map<String, Object> processes = new LinkedHashMap<>();
        atEnd.forEach((name, reading) -> {
            double duringBurst = burst.map(b -> b.cpuSeconds().getOrDefault(name, 0.0)).orElse(0.0);
            double compiling = burst.map(b -> b.compilingSeconds().getOrDefault(name, 0.0)).orElse(0.0);
            double burstSeconds = burst.flatMap(Burst.Result::endToEnd).map(d -> d.toMillis() / 1000.0).orElse(0.0);
            String figure = burst.isPresent() && burstSeconds > 0
                    ? String.format("CPU %.1f s in the burst (%.0f %% of a core%s), %.1f s over the run", duringBurst, 100 * duringBurst / burstSeconds,
                            compiling > 0 ? String.format(", %.1f s of it JIT compiling", compiling) : "", overRun.getOrDefault(name, 0.0))
                    : String.format("CPU %.1f s over the run", overRun.getOrDefault(name, 0.0));
            report.row("  " + label + " stack, process " + name, figure, String.format("peak RSS %,d MiB", reading.peakRssKib() / 1024));
            processes.put(name, Map.of("cpuSecondsInBurst", duringBurst, "jitCompilingSecondsInBurst", compiling, "cpuSecondsOverRun", overRun.getOrDefault(name, 0.0),
                    "peakRssMiB", reading.peakRssKib() / 1024));
        });
        json.put("processes", processes);
    }

    private static Map<String, Object> restJson(RestIssuing.Result result) {
        return Map.of("how", result.how(), "offered", result.offered(), "accepted", result.accepted(), "seconds", result.took().toMillis() / 1000.0,
                "perSecond", result.perSecond(), "notes", result.refusals());
    }

    private static String percentiles(Latencies.Percentiles p) {
        return p.count() == 0 ? "no decisions" : "p50 " + Figures.millis(p.p50()) + " / p95 " + Figures.millis(p.p95()) + " / p99 " + Figures.millis(p.p99());
    }

    private static String time(Optional<Duration> duration) {
        return duration.map(Figures::seconds).orElse("not reached");
    }

    private static Double seconds(Optional<Duration> duration) {
        return duration.map(d -> d.toMillis() / 1000.0).orElse(null);
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
