package eu.creditbridge.localstack.bench;

import org.HdrHistogram.Histogram;

/**
 * Issue-to-decision latencies of one stream of credentials, in milliseconds, kept in an HdrHistogram (three significant
 * digits, up to an hour): percentiles over 50,000 values without holding them. Safe to record from the decision
 * consumer's thread while another thread reads.
 */
final class Latencies {

    private static final long HIGHEST_MILLIS = 3_600_000;
    private final Histogram histogram = new Histogram(HIGHEST_MILLIS, 3);

    synchronized void record(long millis) {
        histogram.recordValue(Math.max(0, Math.min(HIGHEST_MILLIS, millis)));
    }

    synchronized Percentiles percentiles() {
        if (histogram.getTotalCount() == 0) {
            return Percentiles.NONE;
        }
        return new Percentiles(histogram.getTotalCount(), histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(95),
                histogram.getValueAtPercentile(99), histogram.getMaxValue());
    }

    /** What a stream's latencies came to; all in milliseconds. */
    record Percentiles(long count, long p50, long p95, long p99, long max) {
        static final Percentiles NONE = new Percentiles(0, 0, 0, 0, 0);

        String describe() {
            return count == 0 ? "no decisions" : String.format("p50 %s, p95 %s, p99 %s, max %s (%,d decisions)", Figures.millis(p50),
                    Figures.millis(p95), Figures.millis(p99), Figures.millis(max), count);
        }
    }
}
