package eu.creditbridge.messaging.testing;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool$;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real Apache Kafka broker (KRaft, one node as broker and controller) in this JVM on free ports of 127.0.0.1,
 * from the kafka_2.13 jars — what spring-kafka-test's EmbeddedKafkaKraftBroker does, without the Kafka test jars
 * that Kafka 4.2 no longer publishes. Formatted fresh in a temporary folder, deleted on close. Shared through
 * messaging's test-jar with the services' tests.
 */
public final class InProcessKafka implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final KafkaRaftServer server;

    public InProcessKafka() {
        try {
            dir = Files.createTempDirectory("test-kafka-");
            port = freePort();
            int controllerPort = freePort();
            Properties config = new Properties();
            config.put("process.roles", "broker,controller");
            config.put("node.id", "1");
            config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            config.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
            config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
            config.put("controller.listener.names", "CONTROLLER");
            config.put("inter.broker.listener.name", "PLAINTEXT");
            config.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
            config.put("log.dirs", dir.resolve("data").toString());
            config.put("num.partitions", "1");
            config.put("offsets.topic.replication.factor", "1");
            config.put("offsets.topic.num.partitions", "1");
            config.put("transaction.state.log.replication.factor", "1");
            config.put("transaction.state.log.min.isr", "1");
            config.put("share.coordinator.state.topic.replication.factor", "1");
            config.put("share.coordinator.state.topic.min.isr", "1");
            config.put("group.initial.rebalance.delay.ms", "0");
            config.put("auto.create.topics.enable", "false");
            Path file = dir.resolve("server.properties");
            try (var out = Files.newOutputStream(file)) {
                config.store(out, "in-process test broker");
            }
            int formatted = StorageTool$.MODULE$.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(),
                    "-c", file.toString()}, new PrintStream(PrintStream.nullOutputStream()));
            if (formatted != 0) {
                throw new IllegalStateException("kafka-storage format failed with " + formatted);
            }
            server = new KafkaRaftServer(KafkaConfig.fromProps(config), Time.SYSTEM);
            server.startup();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public void createTopics(List<String> topics, int partitions) {
        try (Admin admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(topics.stream().map(t -> new NewTopic(t, partitions, (short) 1)).toList()).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("could not create " + topics, e);
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is harmless.
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
