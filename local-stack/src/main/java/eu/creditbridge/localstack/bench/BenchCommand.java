package eu.creditbridge.localstack.bench;

import eu.creditbridge.localstack.LocalStack;
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
import java.util.function.Consumer;

/**
 * {@code ./creditbridge bench}: the measuring instrument of the end-of-semester work. On a fresh stack of its own
 * ({@code .creditbridge-bench/durable}, free ports; the data of {@code ./creditbridge start} is never touched) it
 * measures the raw ceilings (Kafka's own perf tools, the store's bulk upserts), a partner's burst with a second
 * partner's trickle beside it, latency at a steady rate and REST issuing; then the same burst on a second fresh stack
 * whose MongoDB keeps everything in memory ({@code .creditbridge-bench/memory}). It prints progress while it runs and
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
        List<String> reaped = new ArrayList<>(durable.reapAndEmpty());
        reaped.addAll(memory.reapAndEmpty());
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
        if (options.needsDurableStack()) {
            BenchRun.StackFigures figures = onFreshStack(run, repo, durable, false, root.root(), Optional.empty(), out);
            writesPerCredential = figures.burst().filter(b -> b.storeWrites() > 0).map(Burst.Result::writesPerCredential);
            complete &= figures.burst().map(Burst.Result::complete).orElse(true);
        }
        if (options.runs(BenchPart.MEMORY_BURST)) {
            BenchRun.StackFigures figures = onFreshStack(run, repo, memory, true, root.root(), writesPerCredential, out);
            complete &= figures.burst().map(Burst.Result::complete).orElse(true);
        }
        finish(report, began, args, root.root(), out);
        out.accept("Logs: " + durable.logsDir() + " and " + memory.logsDir());
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
        BenchRun.StackFigures figures = new BenchRun(options, StackArtifacts.locate(), report, out)
                .on(stack, "durable", true, resultsDir, Optional.empty());
        finish(report, began, args, resultsDir, out);
        return figures.burst().map(Burst.Result::complete).orElse(true) ? 0 : 1;
    }

    private static void finish(BenchReport report, Instant began, List<String> args, Path resultsDir, Consumer<String> out) {
        report.row("one vs two recognition-service instances", "not measured",
                "the local stack starts one process per service (LocalStack keeps its services by name); a second instance is issue 16, item 5");
        report.put("secondRecognitionInstance", "not measured: the local stack cannot start a second instance of a service yet");
        report.put("tookSeconds", Duration.between(began, Instant.now()).toSeconds());
        String command = ("./creditbridge bench " + String.join(" ", args)).trim();
        Path markdown = resultsDir.resolve("bench.md");
        Path json = resultsDir.resolve("bench.json");
        BenchRun.write(markdown, report.markdown("CreditBridge bench, " + began, command, List.of(
                "Figures of one run on this machine (" + Runtime.getRuntime().availableProcessors() + " cores), noisy when anything else runs.",
                "Charts: bench-durable.svg, bench-in-memory.svg (decisions/s and recognition's consumer lag over the run).")));
        BenchRun.write(json, report.json());
        out.accept("");
        out.accept("Bench figures (" + Duration.between(began, Instant.now()).toSeconds() + " s in all):");
        out.accept(report.text());
        out.accept("Written: " + markdown + ", " + json + ", charts " + resultsDir.resolve("bench-*.svg"));
    }

    private static BenchRun.StackFigures onFreshStack(BenchRun run, Path repo, StateLayout state, boolean inMemory, Path resultsDir,
            Optional<Double> writesPerCredential, Consumer<String> out) {
        String label = inMemory ? "in-memory" : "durable";
        out.accept("Starting a fresh stack, MongoDB " + (inMemory ? "in memory only" : "on its durable H2 file") + " (" + state.root() + ") ...");
        LocalStack stack = LocalStack.builder()
                .stateDir(state.root())
                .repoDir(repo)
                .randomPorts()
                .demoData(true)
                .mongoInMemory(inMemory)
                .stopOnJvmExit(true)
                .log(out)
                .start();
        try {
            return run.on(stack, label, !inMemory, resultsDir, writesPerCredential);
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
        json.put("restCredentials", options.restCredentials());
        json.put("restClients", options.restClients());
        json.put("perfRecords", options.perfRecords());
        json.put("storeDocuments", options.storeDocuments());
        json.put("parts", options.parts().stream().map(BenchPart::optionName).sorted().toList());
        json.put("burstTimeoutSeconds", options.burstTimeout().toSeconds());
        return json;
    }
}
