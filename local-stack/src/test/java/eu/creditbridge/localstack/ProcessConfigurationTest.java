package eu.creditbridge.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ProcessConfigurationTest {

    @Test
    void brokerListensOnLoopbackOnlyWithSingleNodeReplication() throws Exception {
        Properties config = new Properties();
        config.load(new StringReader(KafkaBroker.serverProperties(19092, 19093, 3, Path.of("/state/kafka/data"))));

        assertThat(config.getProperty("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093");
        assertThat(config.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19092");
        assertThat(config.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(config.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:19093");
        assertThat(config.getProperty("log.dirs")).isEqualTo("/state/kafka/data");
        assertThat(config.getProperty("num.partitions")).isEqualTo("3");
        assertThat(config.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
        assertThat(config.getProperty("transaction.state.log.replication.factor")).isEqualTo("1");
    }

    @Test
    void registryKeepsItsSchemasInAnH2FileInTheStateFolder() {
        assertThat(SchemaRegistry.systemProperties(18081, Path.of("/state/apicurio")))
                .contains("quarkus.http.host=127.0.0.1", "quarkus.http.port=18081", "quarkus.management.enabled=false",
                        "apicurio.storage.kind=sql", "apicurio.storage.sql.kind=h2")
                .anyMatch(p -> p.startsWith("apicurio.datasource.url=jdbc:h2:file:/state/apicurio/registry"));
    }

    @Test
    void eachServiceGetsEveryAddressAndItsOwnDatabase() {
        ServiceProcess.Addresses addresses = new ServiceProcess.Addresses("127.0.0.1:19092",
                "http://127.0.0.1:18081/apis/ccompat/v7", "mongodb://127.0.0.1:17017");

        assertThat(ServiceProcess.arguments(ServiceProcess.RECOGNITION, 18093, addresses)).containsExactly(
                "--server.port=18093",
                "--server.address=127.0.0.1",
                "--spring.kafka.bootstrap-servers=127.0.0.1:19092",
                "--spring.kafka.properties.schema.registry.url=http://127.0.0.1:18081/apis/ccompat/v7",
                "--spring.mongodb.uri=mongodb://127.0.0.1:17017/creditbridge-recognition");
    }
}
