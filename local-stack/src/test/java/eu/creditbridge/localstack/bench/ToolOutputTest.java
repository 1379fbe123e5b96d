package eu.creditbridge.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What the bench reads from the tools and the kernel, as they print it. */
class ToolOutputTest {

    @Test
    void producerPerformanceIsReadFromItsLastSummaryLine() {
        String output = """
                174145 records sent, 34829.0 records/sec (49.82 MB/sec), 512.3 ms avg latency, 901.0 ms max latency.
                200000 records sent, 35512.9 records/sec (50.80 MB/sec), 498.13 ms avg latency, 930.00 ms max latency, 470 ms 50th, 850 ms 95th, 910 ms 99th, 925 ms 99.9th.
                """;

        assertThat(KafkaCeilings.producerRate(output)).isEqualTo(35512.9);
    }

    @Test
    void consumerPerformanceIsReadFromItsNMsgSecColumn() {
        String output = """
                start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
                2026-12-07 07:30:01:123, 2026-12-07 07:30:02:456, 286.1023, 214.6304, 200000, 150037.5094, 312, 1021, 280.2178, 195886.3859
                """;

        assertThat(KafkaCeilings.consumerRate(output)).isEqualTo(150037.5094);
    }

    @Test
    void aToolThatPrintedNoResultIsAnErrorShowingWhatItPrinted() {
        assertThatThrownBy(() -> KafkaCeilings.producerRate("org.apache.kafka.common.errors.SaslAuthenticationException: bad"))
                .hasMessageContaining("printed no summary").hasMessageContaining("SaslAuthenticationException");
        assertThatThrownBy(() -> KafkaCeilings.consumerRate("WARN timeout")).hasMessageContaining("printed no result");
    }

    @Test
    void thePeakResidentSetIsVmHwm() {
        String status = "Name:\tjava\nVmPeak:\t 5000000 kB\nVmHWM:\t  412345 kB\nVmRSS:\t  400000 kB\n";

        assertThat(ProcessUsage.peakRssKib(status)).hasValue(412_345);
        assertThat(ProcessUsage.peakRssKib("Name:\tjava\n")).isEmpty();
    }

    @Test
    void cpuAndCompilingAreCountedOnlyForAProcessThatRanThroughout() {
        var before = java.util.Map.of("kafka", new ProcessUsage.Reading(1, java.time.Duration.ofSeconds(10), java.time.Duration.ofMillis(4_000), 0),
                "recognition-service", new ProcessUsage.Reading(2, java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(1), 0));
        var after = java.util.Map.of("kafka", new ProcessUsage.Reading(1, java.time.Duration.ofMillis(37_500), java.time.Duration.ofMillis(4_600), 0),
                "recognition-service", new ProcessUsage.Reading(3, java.time.Duration.ofSeconds(1), java.time.Duration.ZERO, 0));

        assertThat(ProcessUsage.cpuSecondsBetween(before, after)).containsExactly(java.util.Map.entry("kafka", 27.5));
        assertThat(ProcessUsage.compilingSecondsBetween(before, after)).containsExactly(java.util.Map.entry("kafka", 0.6));
    }

    @Test
    void aJitCompilerThreadsCpuIsItsUserAndSystemTicks() {
        String c2 = "4711 (C2 CompilerThre) S 4690 4690 4600 0 -1 1077936192 52 0 0 0 1234 56 0 0 20 0 41 0 3634000 4000000000 50000";
        String c1 = "4713 (C1 CompilerThre) S 4690 4690 4600 0 -1 1077936192 52 0 0 0 70 3 0 0 20 0 41 0 3634000 4000000000 50000";
        String worker = "4712 (worker (1) C2) R 4690 4690 4600 0 -1 1077936192 52 0 0 0 900 10 0 0 20 0 41 0 3634000 4000000000 50000";

        assertThat(ProcessUsage.compilerTicks(c2)).isEqualTo(1234 + 56);
        assertThat(ProcessUsage.compilerTicks(c1)).isEqualTo(70 + 3);
        assertThat(ProcessUsage.compilerTicks(worker)).isZero();
    }

    @Test
    void aBatchAnswerCountsItsItemsThatAreProblems() {
        String answer = """
                [{"credentialId": "0b5c…"}, {"type": "about:blank", "title": "Bad Request", "status": 400, "errors": [{"field": "ectsCredits"}]},
                 {"credentialId": "7a1d…", "status": 201}]
                """;

        assertThat(RestIssuing.countProblems(answer)).isEqualTo(1);
        assertThat(RestIssuing.countProblems("not json")).isZero();
    }
}
