package eu.creditbridge.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Apicurio Registry 3 (Quarkus) as a child JVM, serving the Confluent Schema Registry API at
 * {@code /apis/ccompat/v7}. Its SQL storage is an H2 file in the state folder rather than the
 * distribution's in-memory default: records in Kafka carry schema ids, and a registry that forgot
 * (or renumbered) them on restart would make every stored record unreadable.
 */
public final class SchemaRegistry implements StackComponent {

    public static final String NAME = "schema-registry";
    public static final String CONFLUENT_API = "/apis/ccompat/v7";

    private final int port;
    private final ChildProcess process;

    public SchemaRegistry(StateLayout state, StackArtifacts artifacts, int port) {
        this.port = port;
        Path dir = state.dir("apicurio");
        List<String> cmd = new ArrayList<>(ChildProcess.javaCommand(NAME, List.of("-Xms64m", "-Xmx384m")));
        systemProperties(port, dir).forEach(p -> cmd.add("-D" + p));
        cmd.addAll(List.of("-jar", artifacts.apicurioRunnerJar().toString()));
        this.process = new ChildProcess(NAME, cmd, dir, state,
                ReadinessProbe.http(url() + "/subjects", body -> body.startsWith("[")), Duration.ofSeconds(90));
    }

    static List<String> systemProperties(int port, Path dir) {
        String database = dir.resolve("registry").toString().replace('\\', '/');
        return List.of(
                "quarkus.http.host=" + LocalPorts.HOST,
                "quarkus.http.port=" + Integer.toString(port),
                // Health and metrics would otherwise open a second port (9000).
                "quarkus.management.enabled=false",
                "apicurio.storage.kind=sql",
                "apicurio.storage.sql.kind=h2",
                "apicurio.datasource.url=jdbc:h2:file:" + database + ";DB_CLOSE_ON_EXIT=FALSE",
                "apicurio.datasource.username=sa",
                "apicurio.datasource.password=sa",
                // The distribution opens 20 connections up front; a laptop stack needs a couple.
                "apicurio.datasource.jdbc.initial-size=2",
                "apicurio.datasource.jdbc.min-size=2",
                "apicurio.datasource.jdbc.max-size=10",
                // Nothing may reach the internet: no OIDC provider, no usage analytics.
                "quarkus.oidc.tenant-enabled=false",
                "quarkus.analytics.disabled=true",
                // Every serializer lookup would be an access-log line; the broker log is noisy enough.
                "quarkus.http.access-log.enabled=false");
    }

    /** Base URL of the Confluent-compatible API, the value of {@code schema.registry.url}. */
    public String url() {
        return "http://" + LocalPorts.HOST + ":" + port + CONFLUENT_API;
    }

    public int port() {
        return port;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String address() {
        return url();
    }

    @Override
    public ChildProcess process() {
        return process;
    }
}
