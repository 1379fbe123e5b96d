package eu.creditbridge.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.creditbridge.localstack.LocalPorts;
import eu.creditbridge.localstack.MachineAccountsFile;
import eu.creditbridge.localstack.ServiceProcess;
import eu.creditbridge.localstack.StackArtifacts;
import eu.creditbridge.localstack.StateLayout;
import eu.creditbridge.messaging.bootstrap.ContractBootstrap;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The pipeline on real containers — Apache Kafka (KRaft), Confluent Schema Registry and MongoDB — with the three
 * services pointed at them by configuration only. Runs where a Docker engine exists; skipped cleanly where not (the
 * embedded stack covers the same paths there).
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerPipelineTest {

    private static final Network NETWORK = Network.newNetwork();

    @Container
    private static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.2.0")
            .withNetwork(NETWORK)
            .withListener("kafka:19092");

    @Container
    private static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    @Container
    private static final GenericContainer<?> SCHEMA_REGISTRY = new GenericContainer<>("confluentinc/cp-schema-registry:8.1.0")
            .withNetwork(NETWORK)
            .dependsOn(KAFKA)
            .withExposedPorts(8081)
            .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
            .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
            .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
            .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));

    private static final List<ServiceProcess> SERVICES = new ArrayList<>();
    private static ServiceProcess issuer;
    private static ServiceProcess recognition;

    @BeforeAll
    static void startServicesAgainstContainers() {
        String registryUrl = "http://" + SCHEMA_REGISTRY.getHost() + ":" + SCHEMA_REGISTRY.getMappedPort(8081);
        new ContractBootstrap(KAFKA.getBootstrapServers(), registryUrl, 3).run();
        var addresses = new ServiceProcess.Addresses(KAFKA.getBootstrapServers(), registryUrl, MONGO.getConnectionString());
        var state = StateLayout.temporary();
        var artifacts = StackArtifacts.inRepo(Path.of(System.getProperty("creditbridge.repo", "..")).toAbsolutePath().normalize());
        int registryPort = LocalPorts.freePort();
        // The same machine accounts as the embedded stack: the issuer registers its keys at the registry as itself.
        String accounts = "--creditbridge.security.machine-accounts-file="
                + MachineAccountsFile.ensure(state, artifacts.repoDir()).file();
        ServiceProcess registry = new ServiceProcess(state, artifacts, ServiceProcess.REGISTRY, registryPort, addresses,
                ServiceProcess.DEFAULT_JVM_OPTIONS, List.of("--creditbridge.registry.demo-data=true", accounts));
        issuer = new ServiceProcess(state, artifacts, ServiceProcess.ISSUER, LocalPorts.freePort(), addresses,
                ServiceProcess.DEFAULT_JVM_OPTIONS, List.of("--creditbridge.issuer.registry-url=http://127.0.0.1:" + registryPort, accounts));
        recognition = new ServiceProcess(state, artifacts, ServiceProcess.RECOGNITION, LocalPorts.freePort(), addresses,
                ServiceProcess.DEFAULT_JVM_OPTIONS, List.of(accounts));
        // The registry publishes its demo data before it reports ready; recognition reads it when it starts.
        for (ServiceProcess service : List.of(registry, issuer, recognition)) {
            SERVICES.add(service);
            service.start();
        }
    }

    @AfterAll
    static void stopServices() {
        SERVICES.forEach(ServiceProcess::stop);
    }

    @Test
    void credentialIssuedOnContainersIsRecognisedAndTheDecisionReachesTheIssuer() {
        String learner = Credentials.newRotterdamLearner();
        JsonApi issuerApi = new JsonApi(issuer.url()).as("officer@uni.lodz.pl", "demo");
        JsonApi recognitionApi = new JsonApi(recognition.url()).as("admin", "demo");

        var created = issuerApi.post("/api/credentials",
                Credentials.lodzCourseResultJson(learner, Credentials.EQUIVALENT_COURSE, 6));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);

        var record = await("learner record").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> recognitionApi.get("/api/institutions/eur.nl/learners/" + learner + "/record"),
                        response -> response.status() == 200).body();
        assertThat(LearnerRecords.total(record)).isEqualByComparingTo(BigDecimal.valueOf(6));
        String credentialId = created.body().path("credentialId").asText();
        await("decision at the issuer").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> issuerApi.get("/api/credentials/" + credentialId).body().path("recognitions").size() == 1);
    }
}
