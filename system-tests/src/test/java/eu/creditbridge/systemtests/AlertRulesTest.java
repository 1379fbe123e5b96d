package eu.creditbridge.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert rules of {@code ops/prometheus/alerts.yml} as Prometheus' own {@code promtool} reads them: valid rules, each
 * alert firing on the series of {@code alerts-test.yml} that should raise it and quiet on a healthy pipeline, and
 * compose's Prometheus configuration loading them. Needs no stack. Without promtool on the PATH (Debian's
 * {@code prometheus} package carries it) these are skipped with a message; that the rules read metrics the services
 * really serve is MonitoringTest's, which needs no promtool.
 */
class AlertRulesTest {

    private static final long PROMTOOL_SECONDS = 60;

    private static Path promtool;

    @BeforeAll
    static void findPromtool() {
        promtool = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "promtool"))
                .filter(Files::isExecutable)
                .findFirst().orElse(null);
        if (promtool == null) {
            System.err.println("AlertRulesTest: promtool is not on the PATH, so ops/prometheus/alerts.yml is not checked by it;"
                    + " install Debian's 'prometheus' package (apt-get install prometheus) to check it.");
        }
    }

    @Test
    void alertRulesAreValidPrometheusRules() throws Exception {
        String out = promtool("check", "rules", AlertRules.prometheus().resolve("alerts.yml").toString());
        assertThat(out).contains("SUCCESS: 6 rules found");
    }

    @Test
    void everyAlertFiresOnTheSeriesThatShouldRaiseItAndStaysQuietOnAHealthyPipeline() throws Exception {
        String out = promtool("test", "rules", AlertRules.prometheus().resolve("alerts-test.yml").toString());
        assertThat(out).contains("SUCCESS");
        String tests = Files.readString(AlertRules.prometheus().resolve("alerts-test.yml"));
        for (String alert : List.of("ConsumerLagHigh", "ConsumerLagNotShrinking", "RecognitionLatencyP99High", "DeadLetters",
                "OutboxBacklogHigh", "OutboxNotDraining")) {
            assertThat(tests).as("alerts-test.yml tests " + alert).contains("alertname: " + alert + "\n");
        }
    }

    /** compose mounts prometheus.yml and alerts.yml under /etc/prometheus; here the rule file is the repository's. */
    @Test
    void composePrometheusLoadsTheAlertRules(@TempDir Path dir) throws Exception {
        String configuration = Files.readString(AlertRules.prometheus().resolve("prometheus.yml"));
        assertThat(configuration).contains("- /etc/prometheus/alerts.yml");
        assertThat(Files.readString(AlertRules.ops().resolveSibling("docker-compose.yml")))
                .contains("./ops/prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro");
        Path local = dir.resolve("prometheus.yml");
        Files.writeString(local, configuration.replace("/etc/prometheus/alerts.yml",
                AlertRules.prometheus().resolve("alerts.yml").toString()));

        String out = promtool("check", "config", local.toString());
        assertThat(out).contains("SUCCESS: 1 rule files found");
    }

    /** promtool's output; it must exit 0. */
    private static String promtool(String... arguments) throws IOException, InterruptedException {
        assumeTrue(promtool != null, "promtool is not on the PATH (Debian: apt-get install prometheus); alert rules not checked by it");
        List<String> command = new ArrayList<>(List.of(promtool.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        if (!process.waitFor(PROMTOOL_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("promtool " + String.join(" ", arguments) + " did not finish in " + PROMTOOL_SECONDS + " s");
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("promtool %s:%n%s", String.join(" ", arguments), out).isZero();
        return out;
    }
}
