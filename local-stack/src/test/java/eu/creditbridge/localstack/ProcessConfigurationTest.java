package eu.creditbridge.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import eu.creditbridge.localstack.broker.BrokerAccess;
import eu.creditbridge.localstack.broker.BrokerPrincipals;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

class ProcessConfigurationTest {

    @TempDir
    Path state;

    @Test
    void brokerListensOnLoopbackOnlyWithSingleNodeReplication() throws Exception {
        Properties config = brokerConfig(BrokerPrincipals.ensure(new StateLayout(state)));

        assertThat(config.getProperty("listeners")).isEqualTo("CLIENT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093");
        assertThat(config.getProperty("advertised.listeners")).isEqualTo("CLIENT://127.0.0.1:19092");
        assertThat(config.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(config.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:19093");
        assertThat(config.getProperty("log.dirs")).isEqualTo("/state/kafka/data");
        assertThat(config.getProperty("num.partitions")).isEqualTo("3");
        assertThat(config.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
        assertThat(config.getProperty("transaction.state.log.replication.factor")).isEqualTo("1");
    }

    @Test
    void brokerTakesSignedInClientsOnlyAndRefusesWhatNoAclAllows() throws Exception {
        BrokerPrincipals principals = BrokerPrincipals.ensure(new StateLayout(state));
        Properties config = brokerConfig(principals);

        assertThat(config.getProperty("listener.security.protocol.map")).isEqualTo("CONTROLLER:SASL_PLAINTEXT,CLIENT:SASL_PLAINTEXT");
        assertThat(config.getProperty("listener.name.client.sasl.enabled.mechanisms")).isEqualTo("SCRAM-SHA-512,PLAIN");
        assertThat(config.getProperty("listener.name.controller.sasl.enabled.mechanisms")).isEqualTo("PLAIN");
        assertThat(config.getProperty("authorizer.class.name")).isEqualTo("org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        assertThat(config.getProperty("allow.everyone.if.no.acl.found")).isEqualTo("false");
        assertThat(config.getProperty("super.users")).isEqualTo("User:broker;User:admin");
        // PLAIN knows the broker and the bootstrap admin only; every other principal signs in with SCRAM
        assertThat(config.getProperty("listener.name.client.plain.sasl.jaas.config"))
                .contains("user_broker=\"" + principals.passwordOf("broker").orElseThrow() + "\"",
                        "user_admin=\"" + principals.passwordOf("admin").orElseThrow() + "\"")
                .doesNotContain("user_issuer-service", "user_partner");
        assertThat(principals.scramPrincipals()).containsExactly("issuer-service", "recognition-service", "registry-service", "schema-registry");
    }

    @Test
    void principalsAreKeptInTheStateFolderForTheOwnerOnlyAndAPartnerIsAdded() throws Exception {
        StateLayout layout = new StateLayout(state);
        BrokerPrincipals first = BrokerPrincipals.ensure(layout);
        BrokerPrincipals withPartner = BrokerPrincipals.withPartner(layout, "uzh.ch");

        assertThat(withPartner.passwordOf("issuer-service")).isEqualTo(first.passwordOf("issuer-service"));
        assertThat(withPartner.partners()).containsExactly("partner-uzh.ch");
        assertThat(BrokerPrincipals.ensure(layout).partners()).containsExactly("partner-uzh.ch");
        assertThat(withPartner.clientConfig("partner-uzh.ch")).containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(BrokerPrincipals.location(layout)))).isEqualTo("rw-------");
        assertThatThrownBy(() -> BrokerPrincipals.partnerOf("UZH.CH")).hasMessageContaining("not a SCHAC code");
        assertThatThrownBy(() -> withPartner.clientConfig("partner-ucc.ie")).hasMessageContaining("./creditbridge partner add ucc.ie");
    }

    @Test
    void aPartnerMayWriteTheCredentialsTopicAndNothingElse() {
        assertThat(BrokerAccess.describe("partner-uzh.ch")).containsExactly("ALLOW WRITE on TOPIC creditbridge.credentials");
        assertThat(BrokerAccess.describe("recognition-service")).contains("ALLOW READ on TOPIC creditbridge.credentials",
                "ALLOW READ on GROUP recognition-service", "ALLOW READ on TOPIC creditbridge.registry.*",
                "ALLOW WRITE on TOPIC creditbridge.decisions", "ALLOW WRITE on TOPIC creditbridge.credentials.dlt")
                .noneMatch(line -> line.contains("WRITE on TOPIC creditbridge.registry"));
        assertThat(BrokerAccess.describe("registry-service")).contains("ALLOW WRITE on TOPIC creditbridge.registry.*");
        assertThat(BrokerAccess.describe("issuer-service")).contains("ALLOW WRITE on TOPIC creditbridge.credentials",
                "ALLOW READ on TOPIC creditbridge.decisions", "ALLOW READ on GROUP issuer-service")
                .noneMatch(line -> line.contains("creditbridge.registry"));
        assertThatThrownBy(() -> BrokerAccess.of("stranger")).hasMessageContaining("no access is defined");
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

    @Test
    void furtherInstancesOfAServiceAreNamedByTheirNumberAndShareItsDatabase() {
        assertThat(ServiceProcess.instanceName(ServiceProcess.RECOGNITION, 1)).isEqualTo("recognition-service");
        assertThat(ServiceProcess.instanceName(ServiceProcess.RECOGNITION, 2)).isEqualTo("recognition-service-2");
        // the arguments are the service's, whatever the instance: one consumer group, one database
        assertThat(ServiceProcess.database(ServiceProcess.RECOGNITION)).isEqualTo("creditbridge-recognition");
    }

    private static Properties brokerConfig(BrokerPrincipals principals) throws Exception {
        Properties config = new Properties();
        config.load(new StringReader(KafkaBroker.serverProperties(19092, 19093, 3, Path.of("/state/kafka/data"), principals)));
        return config;
    }
}
