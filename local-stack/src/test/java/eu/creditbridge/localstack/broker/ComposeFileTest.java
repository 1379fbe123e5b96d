package eu.creditbridge.localstack.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.creditbridge.localstack.StateLayout;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker-compose.yml runs the embedded stack's access rules: the same principals, the same ACL table (written out for
 * Kafka's own tools), MongoDB users. Validated with Debian's {@code docker-compose config -q} where it is installed
 * (no engine is needed), against the secrets {@code ./creditbridge secrets} writes.
 */
class ComposeFileTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path project;

    @Test
    void theComposeFileIsValidWithTheSecretsTheLauncherWrites() throws Exception {
        assumeTrue(onPath("docker-compose"), "Debian's docker-compose is not installed");
        Files.copy(REPO.resolve("docker-compose.yml"), project.resolve("docker-compose.yml"));
        StateLayout state = new StateLayout(project.resolve(".creditbridge"));
        ComposeSecrets.write(state);
        Files.writeString(state.root().resolve("secrets").resolve("machine-accounts.json"), "{\"accounts\": []}");

        Process check = new ProcessBuilder("docker-compose", "-f", "docker-compose.yml", "config", "-q")
                .directory(project.toFile()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes());
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(output).isZero();
    }

    @Test
    void composeGetsEveryPrincipalsUsersAndAclsFromTheSameTable(@TempDir Path stateDir) throws Exception {
        StateLayout state = new StateLayout(stateDir);
        Path dir = ComposeSecrets.write(state);
        BrokerPrincipals principals = BrokerPrincipals.ensure(state);
        String init = Files.readString(dir.resolve("kafka-init.sh"));

        for (String name : principals.scramPrincipals()) {
            assertThat(init).contains("--entity-name '" + name + "' --add-config 'SCRAM-SHA-512=[iterations=4096,password="
                    + principals.passwordOf(name).orElseThrow() + "]'");
            assertThat(init.lines().filter(line -> line.contains("--allow-principal 'User:" + name + "'")).count())
                    .isEqualTo(BrokerAccess.of(name).size());
        }
        assertThat(init).contains("--allow-principal 'User:registry-service' --operation Write --topic 'creditbridge.registry.' --resource-pattern-type prefixed")
                .contains("--allow-principal 'User:issuer-service' --operation Read --group 'issuer-service'")
                // the registry reads its trust topics back in its own group (poison watch)
                .contains("--allow-principal 'User:registry-service' --operation Read --topic 'creditbridge.registry.' --resource-pattern-type prefixed")
                .contains("--allow-principal 'User:registry-service' --operation Read --group 'registry-service'")
                .contains("--allow-principal 'User:registry-service' --operation DescribeConfigs --topic '*'");
        assertThat(Files.readString(dir.resolve("kafka.env"))).contains("KAFKA_LISTENER_NAME_CONTROLLER_PLAIN_SASL_JAAS_CONFIG=")
                .contains("user_admin=\"" + principals.passwordOf("admin").orElseThrow() + "\"");
        assertThat(Files.readString(dir.resolve("recognition-service.env")))
                .contains("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM=SCRAM-SHA-512")
                .containsPattern("SPRING_MONGODB_URI=mongodb://recognition-service:[A-Za-z0-9_-]+@mongo:27017/creditbridge-recognition\\?authSource=creditbridge-recognition");
        assertThat(Files.readString(dir.resolve("mongo-init.js")))
                .contains("db.getSiblingDB('creditbridge-issuer').createUser({user: 'issuer-service'");
        // a second run keeps every password
        ComposeSecrets.write(state);
        assertThat(Files.readString(dir.resolve("kafka-init.sh"))).isEqualTo(init);
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
