package eu.creditbridge.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler ({@code -prof eu.creditbridge.benchmarks.CpuTimeProfiler}) that adds, per benchmark, its operations per
 * CPU-second of the benchmark's own worker threads: the operations JMH counted in an iteration divided by the CPU time
 * those threads were given in it. On a machine shared with other builds a throughput score falls with the share of a
 * core the benchmark gets, differently for benchmarks measured a minute apart; this one does not (caches shared with
 * the neighbours still cost something), so the ratio of two benchmarks stays readable under load.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    static final String LABEL = "perCpuSecond";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long before;

    @Override
    public String getDescription() {
        return "operations per CPU-second of the benchmark's worker threads";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        before = workersCpuNanos();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long cpu = workersCpuNanos() - before;
        if (cpu <= 0) {
            return List.of();
        }
        return List.of(new ScalarResult(LABEL, result.getMetadata().getAllOps() * 1e9 / cpu, "ops/cpu-s", AggregationPolicy.AVG));
    }

    /** JMH's benchmark threads are named "...-jmh-worker-N"; they live for the whole benchmark. */
    private long workersCpuNanos() {
        long sum = 0;
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && thread.getThreadName().contains("jmh-worker")) {
                sum += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return sum;
    }
}
