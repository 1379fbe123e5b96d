package eu.creditbridge.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.creditbridge.localstack.bench.BenchCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./creditbridge bench} at toy size on the shared stack (its durable parts; the in-memory burst needs a stack of
 * its own): every part measures something real and lands in the table, the JSON and the chart. The figures themselves
 * are not asserted: on a shared test machine they say nothing; {@code ./creditbridge bench} at full size is where they
 * are read.
 */
class BenchCommandTest {

    @Test
    void aToyBenchMeasuresEveryPartOnTheRealStackAndWritesTableJsonAndChart(@TempDir Path results) throws Exception {
        List<String> printed = new ArrayList<>();

        int exit = BenchCommand.runOn(EmbeddedStack.get(), results, List.of("--credentials", "60", "--learners", "6", "--jit-quiet-seconds", "3", "--fairness-rate", "2",
                "--rate", "20", "--latency-seconds", "2", "--rest-credentials", "10", "--rest-clients", "2", "--perf-records", "2000",
                "--store-documents", "500", "--parts", "ceilings,burst,latency,rest", "--timeout-minutes", "5"), printed::add);

        assertThat(exit).as(String.join("\n", printed)).isZero();
        JsonNode json = new ObjectMapper().readTree(results.resolve("bench.json").toFile()).path("durable");
        assertThat(json.at("/kafka/producedPerSecond").asDouble()).isPositive();
        assertThat(json.at("/kafka/consumedPerSecond").asDouble()).isPositive();
        assertThat(json.at("/storeCeilingPerSecond").asDouble()).isPositive();
        // measured again after the burst, on documents of the size the burst wrote (decisions and learner records: KBs each)
        assertThat(json.at("/storeCeilingShaped/perSecond").asDouble()).isPositive();
        assertThat(json.at("/storeCeilingShaped/documentBytes").asInt()).isGreaterThan(1_000);
        assertThat(json.at("/storeCeilingShaped/burstRatio").asDouble()).isPositive();
        // every credential of the burst was timed to its decision, and the second partner's beside it
        assertThat(json.at("/burst/latencyMillis/count").asLong()).isEqualTo(60);
        assertThat(json.at("/burst/secondPartnerLatencyMillis/count").asLong()).isEqualTo(json.at("/burst/secondPartnerSent").asLong()).isPositive();
        assertThat(json.at("/burst/credentialsPerSecond").asDouble()).isPositive();
        // a decision and at least the learner record's update per credential, counted by the store
        assertThat(json.at("/burst/writesPerCredential").asDouble()).isGreaterThanOrEqualTo(2);
        assertThat(json.at("/burst/documentsWritten/creditbridge-recognition.decisions").asLong()).isGreaterThanOrEqualTo(60);
        assertThat(json.at("/warmUp/latencyMillis/count").asLong()).isEqualTo(60);
        assertThat(json.at("/compilersQuiet/seconds").asDouble()).isPositive();
        assertThat(json.at("/latency/decided").asLong()).isEqualTo(40);
        assertThat(json.at("/restSingle/accepted").asInt()).isEqualTo(10);
        assertThat(json.at("/processes/recognition-service/cpuSecondsInBurst").asDouble()).isPositive();
        // the CPU a credential cost and what the cores allow at that cost, with the store and without it (never less)
        assertThat(json.at("/burst/cpuBudget/millisPerCredential").asDouble()).isPositive();
        assertThat(json.at("/burst/cpuBudget/boundWithoutStorePerSecond").asDouble())
                .isGreaterThanOrEqualTo(json.at("/burst/cpuBudget/boundPerSecond").asDouble());
        assertThat(json.at("/burst/cpuBudget/outsideStoreMillis/recognition-service").asDouble()).isPositive();
        assertThat(json.at("/burst/cpuBudget/outsideStoreMillis/mongo").isMissingNode()).isTrue();
        assertThat(json.at("/burst/cpuBudget/millisOutsideStoreWarm").asDouble())
                .isLessThanOrEqualTo(json.at("/burst/cpuBudget/millisOutsideStore").asDouble());
        assertThat(json.at("/burst/cpuBoundWithStoreAtCeiling").asDouble()).isPositive();
        assertThat(json.at("/processes/recognition-service/peakRssMiB").asLong()).isPositive();
        assertThat(Files.readString(results.resolve("bench.md")))
                .contains("| burst, durable store: 60 signed credentials to 6 learners onto the topic at once |")
                .contains("|   CPU per credential in the burst, all processes, on this machine's")
                .contains("| one vs two recognition-service instances | not measured |");
        assertThat(Files.readString(results.resolve("bench-durable.svg"))).contains("<polyline").contains(">burst<");
    }
}
