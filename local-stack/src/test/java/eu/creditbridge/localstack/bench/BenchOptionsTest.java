package eu.creditbridge.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void withoutOptionsTheEndOfSemesterOfTheIssue() {
        BenchOptions options = BenchOptions.parse(List.of());

        assertThat(options.credentials()).isEqualTo(50_000);
        assertThat(options.learners()).isEqualTo(5_000);
        assertThat(options.warmUp()).isEqualTo(50_000);
        assertThat(options.jitQuietAtMost()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.rate()).isEqualTo(200);
        assertThat(options.latencySeconds()).isEqualTo(60);
        assertThat(options.fairnessRate()).isEqualTo(5);
        assertThat(options.restCredentials()).isEqualTo(2_000);
        assertThat(options.parts()).isEqualTo(EnumSet.allOf(BenchPart.class));
        assertThat(options.burstTimeout()).isEqualTo(Duration.ofMinutes(2).plusSeconds(1_000));
    }

    @Test
    void sizedDownForAQuickLook() {
        BenchOptions options = BenchOptions.parse(List.of("--credentials", "5,000", "--latency-seconds", "20"));

        assertThat(options.credentials()).isEqualTo(5_000);
        assertThat(options.learners()).isEqualTo(500);
        assertThat(options.latencySeconds()).isEqualTo(20);
        assertThat(options.restCredentials()).isEqualTo(2_000);
        assertThat(BenchOptions.parse(List.of("--credentials", "300")).restCredentials()).isEqualTo(300);
        assertThat(BenchOptions.parse(List.of("--credentials", "300")).warmUp()).isEqualTo(300);
    }

    @Test
    void everyOptionIsRead() {
        BenchOptions options = BenchOptions.parse(List.of("--credentials", "10000", "--learners", "100", "--warm-up", "300", "--jit-quiet-seconds", "5", "--rate", "50",
                "--latency-seconds", "10", "--fairness-rate", "0", "--partner-quota-kb", "400", "--rest-credentials", "500", "--rest-clients", "4",
                "--perf-records", "1000", "--store-documents", "2_000", "--parts", "burst,latency", "--timeout-minutes", "7"));

        assertThat(options).isEqualTo(new BenchOptions(10_000, 100, 300, Duration.ofSeconds(5), 50, 10, 0, 400, 500, 4, 1_000, 2_000,
                Set.of(BenchPart.BURST, BenchPart.LATENCY), Duration.ofMinutes(7)));
    }

    @Test
    void theMemoryBurstAndTheTwoInstanceBurstAloneNeedNoDurableStackOfOneInstance() {
        assertThat(BenchOptions.parse(List.of("--parts", "memory-burst")).needsDurableStack()).isFalse();
        assertThat(BenchOptions.parse(List.of("--parts", "two-instances,memory-burst")).needsDurableStack()).isFalse();
        assertThat(BenchOptions.parse(List.of("--parts", "two-instances,burst")).needsDurableStack()).isTrue();
        assertThat(BenchOptions.parse(List.of("--parts", "all")).runs(BenchPart.TWO_INSTANCES)).isTrue();
        assertThat(BenchOptions.parse(List.of("--parts", "memory-burst,rest")).needsDurableStack()).isTrue();
        assertThat(BenchOptions.parse(List.of("--parts", "all")).runs(BenchPart.MEMORY_BURST)).isTrue();
    }

    @Test
    void whatCannotBeMeasuredIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--parts", "burst,speed"))).hasMessageContaining("unknown part 'speed'")
                .hasMessageContaining("memory-burst");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--credentials", "0"))).hasMessageContaining("--credentials must be at least 1");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--credentials", "10", "--learners", "11")))
                .hasMessageContaining("--learners must be between 1 and");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--rate", "fast"))).hasMessageContaining("--rate needs a whole number, was 'fast'");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--fairness-rate", "-1"))).hasMessageContaining("--fairness-rate must be 0");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--warm-up", "-1"))).hasMessageContaining("--warm-up must be 0");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--quick"))).hasMessageContaining("unknown arguments [--quick]")
                .hasMessageContaining("usage: bench");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--timeout-minutes", "0"))).hasMessageContaining("--timeout-minutes must be positive");
    }
}
