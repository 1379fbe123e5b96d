package eu.creditbridge.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import eu.creditbridge.localstack.MongoWireServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuBudgetTest {

    /** The CPU of the in-memory burst of 2026-12-07 ~20:25 UTC (README, "Measured"), 50,000 credentials and 136 of the second partner. */
    private static final Map<String, Double> IN_MEMORY_BURST = Map.of(MongoWireServer.NAME, 25.5, "recognition-service", 13.8,
            "issuer-service", 5.2, "kafka", 4.7, "registry-service", 0.3, "schema-registry", 0.1, ProcessUsage.BENCH, 2.4);
    /** Of those, the JIT compilers' seconds. */
    private static final Map<String, Double> COMPILING = Map.of(MongoWireServer.NAME, 0.5, "recognition-service", 3.0,
            "issuer-service", 1.1, "kafka", 1.1, "registry-service", 0.1, "schema-registry", 0.0, ProcessUsage.BENCH, 1.0);

    @Test
    void theCoresBoundWhatTheBurstCouldReachAtTheCpuEachCredentialCost() {
        CpuBudget budget = new CpuBudget(2, 50_136, IN_MEMORY_BURST, COMPILING);

        assertThat(budget.millisPerCredential()).isCloseTo(1000 * 52.0 / 50_136, within(1e-9));
        assertThat(budget.boundPerSecond()).isCloseTo(2 * 50_136 / 52.0, within(1e-6));
    }

    @Test
    void withoutTheStoreAndTheLoadGeneratorTheServicesAndKafkaAloneBoundThePipeline() {
        CpuBudget budget = new CpuBudget(2, 50_136, IN_MEMORY_BURST, COMPILING);

        assertThat(budget.millisOutsideStore()).isCloseTo(1000 * 24.1 / 50_136, within(1e-9));
        // 0.48 ms a credential outside the store: two cores carry at most ~4,160/s, short of 5,000/s with any store
        assertThat(budget.boundWithoutStorePerSecond()).isCloseTo(2 * 50_136 / 24.1, within(1e-6)).isLessThan(5_000);
        assertThat(budget.outsideStoreMillis()).doesNotContainKeys(MongoWireServer.NAME, ProcessUsage.BENCH);
        assertThat(List.copyOf(budget.outsideStoreMillis().keySet()))
                .containsExactly("recognition-service", "issuer-service", "kafka", "registry-service", "schema-registry");
    }

    @Test
    void warmAndWithTheStoreAtItsOwnCeilingsCostPerWriteTheBoundStillFallsShortOfFiveThousand() {
        CpuBudget budget = new CpuBudget(2, 50_136, IN_MEMORY_BURST, COMPILING);

        // the services and Kafka less their JIT compiling: 18.8 CPU s, 0.375 ms a credential
        assertThat(budget.millisOutsideStoreWarm()).isCloseTo(1000 * 18.8 / 50_136, within(1e-9));
        assertThat(budget.boundWithoutStoreWarmPerSecond()).isCloseTo(2 * 50_136 / 18.8, within(1e-6)).isGreaterThan(5_000);
        // the in-memory ceiling of that run, 43,122 documents/s on both cores: 2.90 writes cost 0.135 ms more
        double withStore = budget.boundWithStoreAtCeilingPerSecond(43_122, 2.90);
        assertThat(withStore).isCloseTo(2000 / (1000 * 18.8 / 50_136 + 2.90 * 2 * 1000 / 43_122.0), within(1e-6)).isLessThan(5_000);
    }

    @Test
    void aBurstThatCostNothingOutsideTheStoreIsUnbounded() {
        CpuBudget budget = new CpuBudget(2, 10, Map.of(MongoWireServer.NAME, 1.0), Map.of());

        assertThat(budget.boundWithoutStorePerSecond()).isInfinite();
        assertThat(budget.boundPerSecond()).isCloseTo(20, within(1e-9));
    }

    @Test
    void aBudgetNeedsCoresAndCredentials() {
        assertThatThrownBy(() -> new CpuBudget(0, 10, Map.of(), Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CpuBudget(2, 0, Map.of(), Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
