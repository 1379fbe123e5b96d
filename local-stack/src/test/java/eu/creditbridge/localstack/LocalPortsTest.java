package eu.creditbridge.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class LocalPortsTest {

    @Test
    void aTakenPortIsRefusedNamingThePortAndWhatWantedIt() throws Exception {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = squatter.getLocalPort();

            assertThat(LocalPorts.isFree(port)).isFalse();
            assertThatThrownBy(() -> LocalPorts.requireFree(port, "schema-registry"))
                    .isInstanceOf(LocalPorts.PortTakenException.class)
                    .hasMessageContaining("Port " + port)
                    .hasMessageContaining("schema-registry");
        }
    }

    @Test
    void aFreePortPasses() {
        int port = LocalPorts.freePort();

        assertThat(LocalPorts.isFree(port)).isTrue();
        LocalPorts.requireFree(port, "kafka");
    }

    @Test
    void randomStackPortsAreSevenDistinctPorts() {
        StackPorts ports = StackPorts.random();

        assertThat(ports.byOwner().values()).doesNotHaveDuplicates().hasSize(7);
    }

    @Test
    void portsSurviveTheRoundTripThroughTheStateFile() {
        StackPorts ports = StackPorts.random();
        java.util.Properties file = new java.util.Properties();

        ports.writeTo(file);

        assertThat(StackPorts.readFrom(file)).isEqualTo(ports);
    }
}
