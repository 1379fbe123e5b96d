package eu.creditbridge.localstack.chaos;

import eu.creditbridge.localstack.LocalStack;
import eu.creditbridge.localstack.StateLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code ./creditbridge chaos [--credentials N] [--learners M] [--clients C] [--timeout-minutes T]}: a fresh stack of its
 * own (its own state folder, free ports; never the data of {@code ./creditbridge start}), the {@link ChaosRun} at full
 * size, the figures, the stack stopped. Exit status 0 when every check passed, 1 when one failed.
 */
public final class ChaosCommand {

    public static final String USAGE =
            "chaos [--credentials 20000] [--learners 2000] [--clients 8] [--timeout-minutes 15] [--faults all|none|recognition,issuer,broker,mongodb,schema-registry]";

    private ChaosCommand() {
    }

    /** Runs it; {@code stateDir} is emptied first (the logs of the last run stay there until the next). */
    public static int run(Path repo, Path stateDir, List<String> args) {
        int credentials = option(args, "--credentials").map(Integer::parseInt).orElse(20_000);
        int learners = option(args, "--learners").map(Integer::parseInt).orElse(Math.max(1, Math.min(2_000, credentials / 10)));
        ChaosPlan plan = ChaosPlan.of(credentials, learners);
        plan = plan.withConcurrency(option(args, "--clients").map(Integer::parseInt).orElse(plan.concurrency()));
        plan = plan.withConvergenceTimeout(option(args, "--timeout-minutes").map(m -> Duration.ofMinutes(Long.parseLong(m)))
                .orElse(plan.convergenceTimeout()));
        plan = plan.withFaults(option(args, "--faults").map(ChaosCommand::faults).orElse(plan.faults()));
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("unknown arguments " + args + "; usage: " + USAGE);
        }
        StateLayout state = new StateLayout(stateDir);
        List<String> reaped = state.reapAndEmpty();
        if (!reaped.isEmpty()) {
            System.out.println("Stopped what an earlier chaos run left running: " + reaped);
        }
        System.out.println("Chaos run on a fresh stack of its own (state and logs in " + state.root() + ")");
        LocalStack stack = LocalStack.builder()
                .stateDir(state.root())
                .repoDir(repo)
                .randomPorts()
                .demoData(true)
                .stopOnJvmExit(true)
                .log(System.out::println)
                .start();
        ChaosResult result;
        try (ChaosRun run = new ChaosRun(stack, plan, System.out::println)) {
            result = run.run();
        } finally {
            System.out.println("Stopping the chaos stack ...");
            stack.close();
        }
        System.out.println();
        System.out.print(result.report());
        System.out.println("Logs: " + state.logsDir());
        return result.passed() ? 0 : 1;
    }

    /**
     * {@code all} (the three faults the issue asks for), {@code none}, or a comma-separated choice of
     * {@code recognition}, {@code issuer}, {@code broker}, {@code mongodb}, {@code schema-registry}: spread evenly over
     * the stream in the order given. {@code none} measures the pipeline's own pace.
     */
    static List<ChaosPlan.PlannedFault> faults(String choice) {
        if (choice.equals("all")) {
            return ChaosPlan.THREE_FAULTS;
        }
        if (choice.equals("none")) {
            return List.of();
        }
        List<Fault> chosen = new ArrayList<>();
        for (String name : choice.split(",")) {
            Fault fault = Arrays.stream(Fault.values()).filter(f -> f.optionName().equals(name.trim())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown fault '" + name + "'; choose all, none, or some of "
                            + Arrays.stream(Fault.values()).map(Fault::optionName).toList()));
            chosen.add(fault);
        }
        List<ChaosPlan.PlannedFault> planned = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            planned.add(new ChaosPlan.PlannedFault(chosen.get(i), 0.8 * (i + 1) / (chosen.size() + 1)));
        }
        return planned;
    }

    private static Optional<String> option(List<String> args, String name) {
        int at = args.indexOf(name);
        if (at < 0) {
            return Optional.empty();
        }
        if (at + 1 >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        String value = args.remove(at + 1);
        args.remove(at);
        return Optional.of(value);
    }
}
