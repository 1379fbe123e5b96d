package eu.creditbridge.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchReportTest {

    @Test
    void theMarkdownIsOneTableWithTheCommandThatRerunsIt() {
        BenchReport report = new BenchReport();
        report.row("Kafka's own ProducerPerformance", "35,500/s records", "raw ceiling");
        report.row("burst | durable", "1,020/s credentials", "72 % of the store's ceiling\nper document");

        String markdown = report.markdown("CreditBridge bench", "./creditbridge bench --credentials 10000", List.of("noisy: two builds ran"));

        assertThat(markdown).isEqualTo("""
                # CreditBridge bench

                Rerun: `./creditbridge bench --credentials 10000`

                | what | figure | beside it |
                | --- | --- | --- |
                | Kafka's own ProducerPerformance | 35,500/s records | raw ceiling |
                | burst \\| durable | 1,020/s credentials | 72 % of the store's ceiling per document |

                - noisy: two builds ran
                """);
    }

    @Test
    void theJsonCarriesTheFiguresAsNumbers() throws Exception {
        BenchReport report = new BenchReport();
        report.put("durable", Map.of("burst", Map.of("credentialsPerSecond", 1020.5, "latencyMillis", new Latencies.Percentiles(10, 1, 2, 3, 4))));
        report.put("timeline", List.of(new Timeline.Sample(1.0, "burst", 10, 20, 0)));

        JsonNode json = new ObjectMapper().readTree(report.json());

        assertThat(json.at("/durable/burst/credentialsPerSecond").asDouble()).isEqualTo(1020.5);
        assertThat(json.at("/durable/burst/latencyMillis/p99").asLong()).isEqualTo(3);
        assertThat(json.at("/timeline/0/recognitionLag").asLong()).isEqualTo(20);
    }

    @Test
    void theConsoleAlignsTheColumns() {
        BenchReport report = new BenchReport();
        report.row("a", "1/s", "x");
        report.row("longer", "10,000/s", "y");

        assertThat(report.text()).isEqualTo("  a       1/s       x\n  longer  10,000/s  y\n".replace("\n", System.lineSeparator()));
    }
}
