package eu.creditbridge.localstack.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ChaosCommandTest {

    @Test
    void allIsTheThreeFaultsTheIssueAsksForAndNoneMeasuresThePipelineAlone() {
        assertThat(ChaosCommand.faults("all")).isEqualTo(ChaosPlan.THREE_FAULTS);
        assertThat(ChaosCommand.faults("none")).isEmpty();
    }

    @Test
    void chosenFaultsAreSpreadOverTheStreamInTheOrderGiven() {
        var planned = ChaosCommand.faults("mongodb, schema-registry,recognition");

        assertThat(planned).extracting(ChaosPlan.PlannedFault::fault)
                .containsExactly(Fault.RESTART_MONGODB, Fault.RESTART_SCHEMA_REGISTRY, Fault.KILL_RECOGNITION);
        assertThat(planned).extracting(ChaosPlan.PlannedFault::afterShare)
                .satisfiesExactly(first -> assertThat(first).isCloseTo(0.2, within(1e-9)),
                        second -> assertThat(second).isCloseTo(0.4, within(1e-9)),
                        third -> assertThat(third).isCloseTo(0.6, within(1e-9)));
    }

    @Test
    void anUnknownFaultIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> ChaosCommand.faults("recognition,zookeeper"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zookeeper")
                .hasMessageContaining("schema-registry");
    }
}
