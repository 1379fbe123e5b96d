package eu.creditbridge.benchmarks;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * JMH's own command line, then the ratios the figures are judged by, printed under JMH's table from the same run:
 * verify-and-decide against the bare verifier recognition-service uses (BouncyCastle's Ed25519), the pipeline's
 * verification step alone against the same, and the bound a sequential verify-then-decide cannot pass,
 * 1 / (1/verify + 1/decide). A ratio only means something within one run: the machine's load moves both sides.
 */
public final class RatioReport {

    private static final String BARE = "Ed25519VerifierBenchmark.bouncyCastle";
    private static final String VERIFY_AND_DECIDE = "RulesetDecisionBenchmark.decideWithSignatureVerification";
    private static final String DECIDE = "RulesetDecisionBenchmark.decideWithoutSignatureVerification";
    private static final String VERIFY_STEP = "RulesetDecisionBenchmark.signatureVerificationOnly";
    private static final Set<String> VERIFIERS = Set.of(BARE, "Ed25519VerifierBenchmark.tink", "Ed25519VerifierBenchmark.jdk");

    private RatioReport() {
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions options = new CommandLineOptions(args);
        if (options.shouldHelp() || options.shouldList() || options.shouldListWithParams() || options.shouldListProfilers()
                || options.shouldListResultFormats()) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        Map<String, Result<?>> scores = new LinkedHashMap<>();
        Map<String, Result<?>> perCpuSecond = new LinkedHashMap<>();
        Collection<RunResult> results = new Runner(options).run();
        for (RunResult result : results) {
            String label = result.getParams().getBenchmark();
            String name = label.substring(label.lastIndexOf('.', label.lastIndexOf('.') - 1) + 1);
            scores.put(name, result.getPrimaryResult());
            Result<?> cpu = result.getSecondaryResults().get(CpuTimeProfiler.LABEL);
            if (cpu != null) {
                perCpuSecond.put(name, cpu);
            }
        }
        System.out.println();
        System.out.println("Ratios in this run (one thread), operations per second:");
        ratios(scores);
        if (!perCpuSecond.isEmpty()) {
            System.out.println("The same per CPU-second of the benchmark thread (CpuTimeProfiler; steadier when other processes share the cores):");
            ratios(perCpuSecond);
        }
    }

    private static void ratios(Map<String, Result<?>> scores) {
        scores.entrySet().stream().filter(e -> VERIFIERS.contains(e.getKey()))
                .max((a, b) -> Double.compare(a.getValue().getScore(), b.getValue().getScore()))
                .ifPresent(fastest -> System.out.println("  fastest bare Ed25519 verifier: " + fastest.getKey() + " " + rate(fastest.getValue())));
        ratio(scores, VERIFY_AND_DECIDE, BARE, "verify and decide (50 rules)", "target >= 80 %");
        ratio(scores, VERIFY_STEP, BARE, "the pipeline's verification step alone (JwsSignatureVerification)", "its overhead over the bare verify");
        if (scores.containsKey(BARE) && scores.containsKey(DECIDE)) {
            double v = scores.get(BARE).getScore();
            double d = scores.get(DECIDE).getScore();
            double bound = 1 / (1 / v + 1 / d);
            System.out.printf(Locale.ROOT, "  decide alone %s; verify then decide can reach at most 1/(1/%,.0f + 1/%,.0f) = %,.0f = %.1f %% of the bare verify%n",
                    rate(scores.get(DECIDE)), v, d, bound, 100 * bound / v);
        }
    }

    private static void ratio(Map<String, Result<?>> scores, String measured, String against, String what, String note) {
        if (scores.containsKey(measured) && scores.containsKey(against)) {
            System.out.printf(Locale.ROOT, "  %s: %s = %.1f %% of %s %s (%s)%n", what, rate(scores.get(measured)),
                    100 * scores.get(measured).getScore() / scores.get(against).getScore(), against, rate(scores.get(against)), note);
        }
    }

    private static String rate(Result<?> result) {
        return String.format(Locale.ROOT, "%,.0f ± %,.0f", result.getScore(), result.getScoreError());
    }
}
