package eu.creditbridge.localstack.bench;

import eu.creditbridge.localstack.LocalStack;
import eu.creditbridge.localstack.ServiceProcess;
import eu.creditbridge.localstack.StackArtifacts;
import eu.creditbridge.localstack.StateLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code ./creditbridge bench}: the measuring instrument of the end-of-semester work. On a fresh stack of its own
 * ({@code .creditbridge-bench/durable}, free ports; the data of {@code ./creditbridge start} is never touched) it
 * measures the raw ceilings (Kafka's own perf tools, the store's bulk upserts), a partner's burst with a second
 * partner's trickle beside it, latency at a steady rate and REST issuing; then the same burst on a second fresh stack
 * whose MongoDB keeps everything in memory ({@code .creditbridge-bench/memory}), and on a third, durable again, with two
 * recognition-service instances sharing the consumer group ({@code .creditbridge-bench/two-instances}). It prints progress while it runs and
 * the figures side by side at the end, and writes them to {@code bench.md}, {@code bench.json} and one SVG chart per
 * stack in the state folder. Exit status 0 when every burst was decided within its timeout.
 */
public final class BenchCommand {

    private BenchCommand() {
    }

    public static int run(Path repo, Path stateDir, List<String> args) {
        return run(repo, stateDir, args, System.out::println);
    }

    /** The same, printing to {@code out}. */
    public static int run(Path repo, Path stateDir, List<String> args, Consumer<String> out) {
        BenchOptions options = BenchOptions.parse(args);
        StateLayout root = new StateLayout(stateDir);
        StateLayout durable = new StateLayout(stateDir.resolve("durable"));
        StateLayout memory = new StateLayout(stateDir.resolve("memory"));
        StateLayout twoInstances = new StateLayout(stateDir.resolve("two-instances"));
        List<String> reaped = new ArrayList<>(durable.reapAndEmpty());
        reaped.addAll(memory.reapAndEmpty());
        reaped.addAll(twoInstances.reapAndEmpty());
        root.reapAndEmpty();
        if (!reaped.isEmpty()) {
            out.accept("Stopped what an earlier bench left running: " + reaped);
        }
        Instant began = Instant.now();
        out.accept("Bench on fresh stacks of its own (state, logs and results in " + root.root() + "); parts: "
                + options.parts().stream().map(BenchPart::optionName).sorted().toList()
                + ". Figures are of this machine at this moment: anything else running on its cores shows in them.");
        BenchReport report = new BenchReport();
        report.put("startedAt", began.toString());
        report.put("options", optionsJson(options));
        report.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        BenchRun run = new BenchRun(options, StackArtifacts.inRepo(repo), report, out);
        boolean complete = true;
        Optional<Double> writesPerCredential = Optional.empty();
        Optional<Burst.Result> oneInstance = Optional.empty();
        if (options.needsDurableStack()) {
            BenchRun.StackFigures figures = onFreshStack(run, repo, durable, false, 1, options.parts(), root.root(), Optional.empty(), out);
            writesPerCredential = figures.burst().filter(b -> b.storeWrites() > 0).map(Burst.Result::writesPerCredential);
            oneInstance = figures.burst();
            complete &= figures.burst().map(Burst.Result::complete).orElse(true);
        }
        if (options.runs(BenchPart.MEMORY_BURST)) {
            BenchRun.StackFigures figures = onFreshStack(run, repo, memory, true, 1, options.parts(), root.root(), writesPerCredential, out);
            complete &= figures.burst().map(Burst.Result::complete).orElse(true);
        }
        Optional<Burst.Result> twoInstanceBurst = Optional.empty();
        if (options.runs(BenchPart.TWO_INSTANCES)) {
            BenchRun.StackFigures figures = onFreshStack(run, repo, twoInstances, false, 2, Set.of(BenchPart.BURST), root.root(),
                    writesPerCredential, out);
            twoInstanceBurst = figures.burst();
            complete &= figures.burst().map(Burst.Result::complete).orElse(true);
        }
        instancesRow(report, oneInstance, twoInstanceBurst, options);
        finish(report, began, args, root.root(), out);
        out.accept("Logs: " + durable.logsDir() + ", " + memory.logsDir() + " and " + twoInstances.logsDir());
        return complete ? 0 : 1;
    }

    /**
     * The durable stack's parts on a stack that is already running (the system tests' shared one), results written to
     * {@code resultsDir}. The in-memory burst needs a stack of its own and is refused here.
     */
    public static int runOn(LocalStack stack, Path resultsDir, List<String> args, Consumer<String> out) {
        BenchOptions options = BenchOptions.parse(args);
        if (options.runs(BenchPart.MEMORY_BURST)) {
            throw new IllegalArgumentException("the memory burst starts a stack of its own; leave it out of --parts on a running stack");
        }
        Instant began = Instant.now();
        BenchReport report = new BenchReport();
        report.put("startedAt", began.toString());
        report.put("options", optionsJson(options));
        if (options.runs(BenchPart.TWO_INSTANCES)) {
            throw new IllegalArgumentException("the two-instance burst starts a stack of its own; leave it out of --parts on a running stack");
        }
        BenchRun.StackFigures figures = new BenchRun(options, StackArtifacts.locate(), report, out)
                .on(stack, "durable", true, resultsDir, Optional.empty());
        instancesRow(report, figures.burst(), Optional.empty(), options);
        finish(report, began, args, resultsDir, out);
        return figures.burst().map(Burst.Result::complete).orElse(true) ? 0 : 1;
    }

    /**
     * One against two recognition-service instances: the same burst on two fresh durable stacks, the ratio as measured. On
     * a machine of few cores the second instance competes with the first (and with the broker and the store) for the same
     * CPU, so the ratio says what a second process costs or gains here, not what a second machine would.
     */
    private static void instancesRow(BenchReport report, Optional<Burst.Result> one, Optional<Burst.Result> two, BenchOptions options) {
        String what = "one vs two recognition-service instances";
        Optional<Double> onePerSecond = one.flatMap(Burst.Result::perSecond);
        Optional<Double> twoPerSecond = two.flatMap(Burst.Result::perSecond);
        if (onePerSecond.isPresent() && twoPerSecond.isPresent()) {
            double ratio = twoPerSecond.get() / onePerSecond.get();
            report.row(what, Figures.rate(onePerSecond.get()) + " vs " + Figures.rate(twoPerSecond.get()) + " credentials end to end",
                    String.format("two instances: %.2f× one, the same burst of %,d on %d cores shared by both", ratio, options.credentials(),
                            Runtime.getRuntime().availableProcessors()));
            report.put("secondRecognitionInstance", Map.of("oneInstancePerSecond", onePerSecond.get(), "twoInstancesPerSecond", twoPerSecond.get(),
                    "ratio", ratio));
        } else {
            String why = !options.runs(BenchPart.TWO_INSTANCES) ? "--parts left out two-instances (a stack of its own)"
                    : !options.runs(BenchPart.BURST) ? "--parts left out the one-instance burst"
                    : "a burst was not decided within its timeout";
            report.row(what, "not measured", why);
            report.put("secondRecognitionInstance", "not measured: " + why);
        }
    }

    private static void finish(BenchReport report, Instant began, List<String> args, Path resultsDir, Consumer<String> out) {
        report.put("tookSeconds", Duration.between(began, Instant.now()).toSeconds());
        String command = ("./creditbridge bench " + String.join(" ", args)).trim();
        Path markdown = resultsDir.resolve("bench.md");
        Path json = resultsDir.resolve("bench.json");
        BenchRun.write(markdown, report.markdown("CreditBridge bench, " + began, command, List.of(
                "Figures of one run on this machine (" + Runtime.getRuntime().availableProcessors() + " cores), noisy when anything else runs.",
                "Charts: bench-durable.svg, bench-in-memory.svg, bench-durable-2-recognition-instances.svg (decisions/s and recognition's consumer lag over the run).")));
        BenchRun.write(json, report.json());
        out.accept("");
        out.accept("Bench figures (" + Duration.between(began, Instant.now()).toSeconds() + " s in all):");
        out.accept(report.text());
        out.accept("Written: " + markdown + ", " + json + ", charts " + resultsDir.resolve("bench-*.svg"));
    }

    private static BenchRun.StackFigures onFreshStack(BenchRun run, Path repo, StateLayout state, boolean inMemory, int recognitionInstances,
            Set<BenchPart> parts, Path resultsDir, Optional<Double> writesPerCredential, Consumer<String> out) {
        String label = inMemory ? "in-memory" : "durable";
        out.accept("Starting a fresh stack, MongoDB " + (inMemory ? "in memory only" : "on its durable H2 file")
                + (recognitionInstances > 1 ? ", " + recognitionInstances + " recognition-service instances" : "") + " (" + state.root() + ") ...");
        LocalStack stack = LocalStack.builder()
                .instances(ServiceProcess.RECOGNITION, recognitionInstances)
                .stateDir(state.root())
                .repoDir(repo)
                .randomPorts()
                .demoData(true)
                .mongoInMemory(inMemory)
                .stopOnJvmExit(true)
                .log(out)
                .start();
        try {
            return run.on(stack, label, !inMemory, recognitionInstances, parts, resultsDir, writesPerCredential);
        } finally {
            out.accept("Stopping the " + label + " stack ...");
            stack.close();
        }
    }

    private static Map<String, Object> optionsJson(BenchOptions options) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("credentials", options.credentials());
        json.put("learners", options.learners());
        json.put("rate", options.rate());
        json.put("latencySeconds", options.latencySeconds());
        json.put("fairnessRate", options.fairnessRate());
        json.put("partnerQuotaKb", options.partnerQuotaKb());
        json.put("restCredentials", options.restCredentials());
        json.put("restClients", options.restClients());
        json.put("perfRecords", options.perfRecords());
        json.put("storeDocuments", options.storeDocuments());
        json.put("parts", options.parts().stream().map(BenchPart::optionName).sorted().toList());
        json.put("burstTimeoutSeconds", options.burstTimeout().toSeconds());
        return json;
    }
}
