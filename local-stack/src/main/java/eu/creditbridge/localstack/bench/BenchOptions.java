package eu.creditbridge.localstack.bench;

import eu.creditbridge.localstack.CommandOptions;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What {@code ./creditbridge bench} was asked for. The defaults are the end-of-semester figures (50,000
 * credentials to 5,000 learners, 200/s for 60 s); every size has an option, so a quick look is e.g.
 * {@code --credentials 5000 --latency-seconds 20}.
 *
 * @param credentials     the burst: signed credentials a partner publishes at once
 * @param learners        learners of the host the burst is spread over (default one per ten credentials)
 * @param warmUp          credentials of a first, untimed burst on each fresh stack (0: none; default the burst's own
 *                        size), so the timed one runs on warm JVMs, as a deployment that has been up for a while does
 * @param jitQuietAtMost  how long, after the warm-up, the bench waits at most for the JIT compilers of every process
 *                        to go quiet (zero: no wait)
 * @param rate            the latency part's offered rate, credentials per second
 * @param latencySeconds  how long the latency part offers it
 * @param fairnessRate    the second partner's steady rate during the burst (0: no second partner)
 * @param partnerQuotaKb  the bursting partner's produce quota in KB/s (0: none), as {@code partner add
 *                        --produce-kb-per-second} sets it
 * @param restCredentials credentials issued through the REST API, once one at a time and once in bulk
 * @param restClients     concurrent REST clients
 * @param perfRecords     records of Kafka's own producer and consumer perf tools (1.5 KB each)
 * @param storeDocuments  documents of the store's bulk-upsert ceiling (1.5 KB each)
 * @param parts           which parts run
 * @param burstTimeout    how long one burst may take to be decided before the bench gives up on it
 */
public record BenchOptions(int credentials, int learners, int warmUp, Duration jitQuietAtMost, int rate, int latencySeconds, int fairnessRate, int partnerQuotaKb,
        int restCredentials,
        int restClients, int perfRecords, int storeDocuments, Set<BenchPart> parts, Duration burstTimeout) {

    public static final String USAGE = "bench [--credentials 50000] [--learners N/10] [--warm-up N] [--jit-quiet-seconds 90] [--rate 200] [--latency-seconds 60] "
            + "[--fairness-rate 5] [--partner-quota-kb 0] [--rest-credentials 2000] [--rest-clients 8] [--perf-records 200000] [--store-documents 100000] "
            + "[--parts all|ceilings,burst,memory-burst,latency,rest,two-instances] [--timeout-minutes T]";

    public BenchOptions {
        positive("--credentials", credentials);
        if (learners < 1 || learners > credentials) {
            throw new IllegalArgumentException("--learners must be between 1 and the number of credentials (" + credentials
                    + "), was " + learners);
        }
        if (warmUp < 0) {
            throw new IllegalArgumentException("--warm-up must be 0 (none) or more, was " + warmUp);
        }
        if (jitQuietAtMost.isNegative()) {
            throw new IllegalArgumentException("--jit-quiet-seconds must be 0 (no wait) or more, was " + jitQuietAtMost.toSeconds());
        }
        positive("--rate", rate);
        positive("--latency-seconds", latencySeconds);
        if (fairnessRate < 0) {
            throw new IllegalArgumentException("--fairness-rate must be 0 (no second partner) or more, was " + fairnessRate);
        }
        if (partnerQuotaKb < 0) {
            throw new IllegalArgumentException("--partner-quota-kb must be 0 (no quota) or more, was " + partnerQuotaKb);
        }
        positive("--rest-credentials", restCredentials);
        positive("--rest-clients", restClients);
        positive("--perf-records", perfRecords);
        positive("--store-documents", storeDocuments);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("--parts names no part");
        }
        parts = Set.copyOf(parts);
        if (burstTimeout.isNegative() || burstTimeout.isZero()) {
            throw new IllegalArgumentException("--timeout-minutes must be positive");
        }
    }

    /** Reads the options; anything not understood is an error naming the usage. */
    public static BenchOptions parse(List<String> arguments) {
        CommandOptions args = new CommandOptions(arguments, USAGE);
        int credentials = args.number("--credentials").orElse(50_000);
        int learners = args.number("--learners").orElse(Math.max(1, credentials / 10));
        int warmUp = args.number("--warm-up").orElse(credentials);
        Duration jitQuietAtMost = Duration.ofSeconds(args.number("--jit-quiet-seconds").orElse(90));
        int rate = args.number("--rate").orElse(200);
        int latencySeconds = args.number("--latency-seconds").orElse(60);
        int fairnessRate = args.number("--fairness-rate").orElse(5);
        int partnerQuotaKb = args.number("--partner-quota-kb").orElse(0);
        int restCredentials = args.number("--rest-credentials").orElse(Math.min(2_000, credentials));
        int restClients = args.number("--rest-clients").orElse(8);
        int perfRecords = args.number("--perf-records").orElse(200_000);
        int storeDocuments = args.number("--store-documents").orElse(100_000);
        Set<BenchPart> parts = BenchPart.parse(args.value("--parts").orElse("all"));
        Duration timeout = args.number("--timeout-minutes").map(Duration::ofMinutes).orElse(defaultBurstTimeout(credentials));
        args.requireAllRead();
        return new BenchOptions(credentials, learners, warmUp, jitQuietAtMost, rate, latencySeconds, fairnessRate, partnerQuotaKb, restCredentials, restClients, perfRecords,
                storeDocuments, parts, timeout);
    }

    /** Two minutes plus 20 ms per credential (50/s, under half of today's pace): a stuck pipeline ends the run, a slow one does not. */
    static Duration defaultBurstTimeout(int credentials) {
        return Duration.ofMinutes(2).plusMillis(20L * credentials);
    }

    public boolean runs(BenchPart part) {
        return parts.contains(part);
    }

    /** The parts on the durable stack; the memory burst and the two-instance burst have stacks of their own. */
    boolean needsDurableStack() {
        return parts.stream().anyMatch(part -> part != BenchPart.MEMORY_BURST && part != BenchPart.TWO_INSTANCES);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }
}
