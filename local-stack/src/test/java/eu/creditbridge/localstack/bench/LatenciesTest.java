package eu.creditbridge.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void aHundredDecisionsOneToAHundredMillisecondsApart() {
        Latencies latencies = new Latencies();
        for (int millis = 1; millis <= 100; millis++) {
            latencies.record(millis);
        }

        Latencies.Percentiles percentiles = latencies.percentiles();

        assertThat(percentiles).isEqualTo(new Latencies.Percentiles(100, 50, 95, 99, 100));
        assertThat(percentiles.describe()).isEqualTo("p50 50 ms, p95 95 ms, p99 99 ms, max 100 ms (100 decisions)");
    }

    @Test
    void oneSlowDecisionInAHundredIsTheP99NotTheP95() {
        Latencies latencies = new Latencies();
        for (int i = 0; i < 99; i++) {
            latencies.record(200);
        }
        latencies.record(46_000);

        Latencies.Percentiles percentiles = latencies.percentiles();

        assertThat(percentiles.p95()).isEqualTo(200);
        assertThat(percentiles.p99()).isEqualTo(200);
        assertThat(percentiles.max()).isBetween(45_980L, 46_020L);   // three significant digits
        assertThat(Figures.millis(percentiles.max())).startsWith("46.0");
    }

    @Test
    void aClockThatWentBackwardsCountsAsZeroAndNothingIsNoDecisions() {
        Latencies latencies = new Latencies();
        assertThat(latencies.percentiles()).isEqualTo(Latencies.Percentiles.NONE);
        assertThat(latencies.percentiles().describe()).isEqualTo("no decisions");

        latencies.record(-3);

        assertThat(latencies.percentiles()).isEqualTo(new Latencies.Percentiles(1, 0, 0, 0, 0));
    }
}
