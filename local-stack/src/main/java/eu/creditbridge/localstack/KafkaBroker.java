package eu.creditbridge.localstack;

import eu.creditbridge.localstack.broker.BrokerAccess;
import eu.creditbridge.localstack.broker.BrokerPrincipals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker in KRaft mode, one node acting as broker and controller, run from the
 * kafka_2.13 jars as a child JVM. Its log directory lives in the state folder and is formatted only
 * once, so topics and records survive a stop, a kill and a restart.
 */
public final class KafkaBroker implements StackComponent {

    public static final String NAME = "kafka";
    static final String STORAGE_TOOL = "kafka.tools.StorageTool";
    static final String MAIN = "kafka.Kafka";

    private final int port;
    private final int controllerPort;
    private final int partitions;
    private final Path dir;
    private final String classpath;
    private final StateLayout state;
    private final ChildProcess process;

    /** Partitions of every topic the broker creates (the contract's topics too). */
    public int partitions() {
        return partitions;
    }

    public KafkaBroker(StateLayout state, StackArtifacts artifacts, int port, int controllerPort, int partitions) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.partitions = partitions;
        this.dir = state.dir(NAME);
        this.state = state;
        this.classpath = artifacts.processClasspath();
        List<String> cmd = ChildProcess.javaCommand(NAME, jvmOptions());
        cmd.addAll(List.of("-cp", classpath, MAIN, dir.resolve("server.properties").toString()));
        this.process = new ChildProcess(NAME, cmd, dir, state, ReadinessProbe.tcp(port).and(this::answersAdmin),
                Duration.ofSeconds(90));
    }

    private List<String> jvmOptions() {
        return List.of("-Xms256m", "-Xmx512m", "-XX:+UseG1GC", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"));
    }

    public String bootstrapServers() {
        return LocalPorts.HOST + ":" + port;
    }

    /**
     * The principals and passwords of this broker (the state folder's {@code secrets/kafka-principals.json}), read now:
     * a partner added since the broker started is in it.
     */
    public BrokerPrincipals principals() {
        return BrokerPrincipals.ensure(state);
    }

    /** Client settings (address and sign-in) of a principal of this broker: what a Kafka client of it is given. */
    public Map<String, Object> clientConfig(String principal) {
        Map<String, Object> config = new LinkedHashMap<>(principals().clientConfig(principal));
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return config;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String address() {
        return bootstrapServers();
    }

    @Override
    public void start() {
        writeConfig();
        formatIfNeeded();
        process.start();
        // Every start: principals added since the last one (a partner) get their credentials and rights.
        try (Admin admin = Admin.create(clientConfig(BrokerPrincipals.ADMIN))) {
            BrokerAccess.apply(admin, principals());
        }
    }

    @Override
    public ChildProcess process() {
        return process;
    }

    /**
     * Combined broker + controller on 127.0.0.1; a static voter set, so a restart needs no quorum state. Both listeners
     * take SASL only: clients sign in on {@code CLIENT} with SCRAM-SHA-512 (the services, partners) or PLAIN (the
     * broker itself and the bootstrap admin, see {@link BrokerPrincipals}); the controller listener takes PLAIN from
     * the broker alone, since SCRAM is not usable there. The standard authorizer refuses whatever no ACL allows.
     */
    static String serverProperties(int port, int controllerPort, int partitions, Path dataDir, BrokerPrincipals principals) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@" + LocalPorts.HOST + ":" + controllerPort);
        config.put("listeners", "CLIENT://" + LocalPorts.HOST + ":" + port + ",CONTROLLER://" + LocalPorts.HOST + ":" + controllerPort);
        config.put("advertised.listeners", "CLIENT://" + LocalPorts.HOST + ":" + port);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "CLIENT");
        config.put("listener.security.protocol.map", "CONTROLLER:SASL_PLAINTEXT,CLIENT:SASL_PLAINTEXT");
        config.put("sasl.mechanism.inter.broker.protocol", BrokerPrincipals.PLAIN);
        config.put("sasl.mechanism.controller.protocol", BrokerPrincipals.PLAIN);
        config.put("listener.name.client.sasl.enabled.mechanisms", BrokerPrincipals.SCRAM + "," + BrokerPrincipals.PLAIN);
        config.put("listener.name.client.scram-sha-512.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        config.put("listener.name.client.plain.sasl.jaas.config", principals.plainServerJaas());
        config.put("listener.name.controller.sasl.enabled.mechanisms", BrokerPrincipals.PLAIN);
        config.put("listener.name.controller.plain.sasl.jaas.config", principals.plainServerJaas());
        config.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        config.put("allow.everyone.if.no.acl.found", "false");
        config.put("super.users", "User:" + BrokerPrincipals.BROKER + ";User:" + BrokerPrincipals.ADMIN);
        config.put("log.dirs", dataDir.toString().replace('\\', '/'));
        config.put("num.partitions", Integer.toString(partitions));
        // Produce quotas (partner add --produce-kb-per-second) measured over 3 s instead of 11: a semester published at
        // once is slowed within seconds, before it has queued minutes ahead of the other partners.
        config.put("quota.window.num", "3");
        config.put("default.replication.factor", "1");
        config.put("min.insync.replicas", "1");
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        // One machine, one consumer group per service: rebalancing at once keeps start-up and tests quick.
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("auto.create.topics.enable", "false");
        config.put("log.retention.hours", "168");
        StringBuilder out = new StringBuilder("# Written by the CreditBridge local stack on every start. Holds the broker's own passwords:\n"
                + "# readable by its owner only, never in git.\n");
        config.forEach((key, value) -> out.append(key).append('=').append(value).append('\n'));
        return out.toString();
    }

    static String log4jProperties() {
        return """
                # Written by the CreditBridge local stack: logs go to stdout, which goes to logs/<name>.log.
                status = warn
                appender.out.type = Console
                appender.out.name = OUT
                appender.out.layout.type = PatternLayout
                appender.out.layout.pattern = [%d] %p %m (%c)%n
                rootLogger.level = INFO
                rootLogger.appenderRef.out.ref = OUT
                logger.state.name = state.change.logger
                logger.state.level = WARN
                logger.request.name = kafka.request.logger
                logger.request.level = WARN
                logger.mongowire.name = de.bwaldvogel.mongo.wire
                logger.mongowire.level = WARN
                # "secondary index not yet implemented" on every createIndex call would drown the log.
                logger.mongodb.name = de.bwaldvogel.mongo.backend.AbstractMongoDatabase
                logger.mongodb.level = ERROR
                """;
    }

    private void writeConfig() {
        try {
            Files.createDirectories(dir.resolve("data"));
            SecretFiles.writePrivate(dir.resolve("server.properties"),
                    serverProperties(port, controllerPort, partitions, dir.resolve("data"), principals()));
            Files.writeString(dir.resolve("log4j2.properties"), log4jProperties());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /* Formatting twice would fail (and a new cluster id would orphan the data), so it runs only on a fresh folder. */
    private void formatIfNeeded() {
        if (Files.exists(dir.resolve("data").resolve("meta.properties"))) {
            return;
        }
        List<String> cmd = new ArrayList<>(ChildProcess.javaCommand(NAME + "-format", jvmOptions()));
        cmd.addAll(List.of("-cp", classpath, STORAGE_TOOL, "format", "--ignore-formatted",
                "--cluster-id", Uuid.randomUuid().toString(), "--config", dir.resolve("server.properties").toString()));
        try {
            Process format = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(format.getInputStream().readAllBytes());
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("Formatting Kafka storage in " + dir + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /* The listener opens late in start-up, but a metadata answer is the real sign the broker serves. */
    private boolean answersAdmin() {
        Properties config = new Properties();
        config.putAll(clientConfig(BrokerPrincipals.ADMIN));
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        try (Admin admin = Admin.create(config)) {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } catch (Exception notYet) {
            if (notYet instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }
}
