package eu.creditbridge.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One of the Spring Boot services, run from its {@code -exec.jar} as a child JVM with every address
 * given as a command-line argument, ready once {@code /actuator/health} says UP.
 */
public final class ServiceProcess implements StackComponent {

    public static final String ISSUER = "issuer-service";
    public static final String REGISTRY = "registry-service";
    public static final String RECOGNITION = "recognition-service";
    public static final List<String> ALL = List.of(REGISTRY, ISSUER, RECOGNITION);

    private final String name;
    private final String service;
    private final int port;
    private final ChildProcess process;

    /** Small heaps: three services, a broker and a registry share one laptop. */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xms64m", "-Xmx384m");

    /*
     * Recognition holds a whole poll of credentials, their decisions and the bulk writes' documents at once: in 384 MB
     * G1 ran a concurrent mark every half second of a burst (205 collections over a 20,000-credential bench run, the
     * service's CPU 14.2 s in the burst); in 1 GiB, 45 collections and 11.5 s.
     */
    private static final List<String> RECOGNITION_JVM_OPTIONS = List.of("-Xms1g", "-Xmx1g");

    /** The heap each service gets unless the stack is told otherwise. */
    public static List<String> defaultJvmOptions(String service) {
        return service.equals(RECOGNITION) ? RECOGNITION_JVM_OPTIONS : DEFAULT_JVM_OPTIONS;
    }

    public ServiceProcess(StateLayout state, StackArtifacts artifacts, String name, int port, Addresses addresses,
            List<String> jvmOptions, List<String> extraArgs) {
        this(state, artifacts, name, name, port, addresses, jvmOptions, extraArgs);
    }

    /**
     * One instance of a service: {@code instance} names its process (log and pid file, e.g. {@code recognition-service-2}),
     * {@code service} its jar and its database, which all instances of the service share.
     */
    public ServiceProcess(StateLayout state, StackArtifacts artifacts, String service, String instance, int port, Addresses addresses,
            List<String> jvmOptions, List<String> extraArgs) {
        this.name = instance;
        this.service = service;
        this.port = port;
        String name = instance;
        Path jar = artifacts.serviceJar(service);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing. Build it with `./mvnw -DskipTests install` "
                    + "(or `./creditbridge start`, which does it).");
        }
        List<String> cmd = new ArrayList<>(ChildProcess.javaCommand(name, jvmOptions));
        cmd.addAll(List.of("-jar", jar.toString()));
        cmd.addAll(arguments(service, port, addresses));
        cmd.addAll(extraArgs);
        this.process = new ChildProcess(name, cmd, state.dir("services"), state,
                ReadinessProbe.http(url() + "/actuator/health", body -> body.contains("\"UP\"")), START_TIMEOUT);
    }

    /*
     * 120 s is three times what a service takes on two idle cores; on a machine several builds share, the registry (which
     * publishes its demo data before it reports ready) has been seen to need more: -Dcreditbridge.service-start-seconds.
     */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("creditbridge.service-start-seconds", 120));

    /** Addresses of the infrastructure a service is pointed at. */
    public record Addresses(String bootstrapServers, String schemaRegistryUrl, String mongoUri) {
    }

    static List<String> arguments(String name, int port, Addresses addresses) {
        return List.of(
                "--server.port=" + port,
                "--server.address=" + LocalPorts.HOST,
                "--spring.kafka.bootstrap-servers=" + addresses.bootstrapServers(),
                "--spring.kafka.properties.schema.registry.url=" + addresses.schemaRegistryUrl(),
                // Each service owns one database, named in the URI so it holds whatever the service's own default is.
                // No journal=true: committing every write before its answer grows the embedded store's file by a chunk
                // per write (340 MB for 6,000 documents, local-stack README); it commits every second instead.
                "--spring.mongodb.uri=" + addresses.mongoUri() + "/" + database(name));
    }

    /** {@code issuer-service} -> {@code creditbridge-issuer}. */
    public static String database(String service) {
        return "creditbridge-" + service.replace("-service", "");
    }

    public String url() {
        return "http://" + LocalPorts.HOST + ":" + port;
    }

    /** The service this process is an instance of ({@link #name()} is the instance's own name). */
    public String service() {
        return service;
    }

    /** {@code recognition-service}, {@code recognition-service-2}, ...: the name of a service's instance number {@code n} (1 is the first). */
    public static String instanceName(String service, int n) {
        return n == 1 ? service : service + "-" + n;
    }

    public int port() {
        return port;
    }

    @Override
    public String name() {
        return name;
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
