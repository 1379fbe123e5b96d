package eu.creditbridge.localstack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A MongoDB wire-protocol server (de.bwaldvogel mongo-java-server). In the stack it runs as its own
 * process on the H2 backend, one file in the state folder, so data survives restarts; tests that want
 * nothing on disk use {@link #inMemory()} in their own JVM.
 */
public final class MongoWireServer implements StackComponent {

    public static final String NAME = "mongo";

    private final int port;
    private final ChildProcess process;

    public MongoWireServer(StateLayout state, StackArtifacts artifacts, int port) {
        this.port = port;
        Path file = state.dir(NAME).resolve("creditbridge.mv");
        List<String> cmd = ChildProcess.javaCommand(NAME, List.of("-Xms64m", "-Xmx512m",
                "-Dlog4j2.configurationFile=" + writeLogConfig(state.dir(NAME))));
        cmd.addAll(List.of("-cp", artifacts.processClasspath(), MongoWireServer.class.getName(),
                "--port", Integer.toString(port), "--file", file.toString()));
        this.process = new ChildProcess(NAME, cmd, state.dir(NAME), state, ReadinessProbe.tcp(port), Duration.ofSeconds(60));
    }

    /** In this JVM, memory only, on a free port: for tests that need the wire protocol and nothing else. */
    public static InProcess inMemory() {
        MongoServer server = new MongoServer(new MemoryBackend() {
            @Override
            public Document handleCommand(Channel channel, String database, String command, Document query) {
                return super.handleCommand(channel, database, helloAsIsMaster(command), query);
            }
        });
        server.bind(LocalPorts.HOST, 0);
        return new InProcess(server, server.getLocalAddress());
    }

    /** A server running inside the calling JVM; close it to shut it down. */
    public record InProcess(MongoServer server, InetSocketAddress address) implements AutoCloseable {
        public String uri() {
            return "mongodb://" + LocalPorts.HOST + ":" + address.getPort();
        }

        @Override
        public void close() {
            server.shutdownNow();
        }
    }

    public String uri() {
        return "mongodb://" + LocalPorts.HOST + ":" + port;
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
        return uri();
    }

    @Override
    public ChildProcess process() {
        return process;
    }

    private static Path writeLogConfig(Path dir) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("log4j2.properties");
            Files.writeString(file, KafkaBroker.log4jProperties());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /*
     * MongoDB answers `hello` on every database, and Spring Boot's Mongo health indicator asks it on the
     * service's own one; mongo-java-server knows only its older name `isMaster` there. Same answer.
     */
    static String helloAsIsMaster(String command) {
        return "hello".equalsIgnoreCase(command) ? "ismaster" : command;
    }

    /** {@code MongoWireServer --port 27017 --file state/mongo/creditbridge.mv}: serves until SIGTERM. */
    public static void main(String[] args) throws InterruptedException {
        int port = 27017;
        String file = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--file" -> file = args[i + 1];
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + "; use --port N --file PATH");
            }
        }
        if (file == null) {
            throw new IllegalArgumentException("--file PATH is required (the H2 file that keeps the data)");
        }
        try {
            Files.createDirectories(Path.of(file).toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MongoBackend backend = new IndexedH2Backend(file) {
            @Override
            public Document handleCommand(Channel channel, String database, String command, Document query) {
                return super.handleCommand(channel, database, helloAsIsMaster(command), query);
            }
        };
        MongoServer server = new MongoServer(backend);
        server.bind(LocalPorts.HOST, port);
        System.out.println("MongoDB wire protocol on " + LocalPorts.HOST + ":" + port + ", data in " + file);
        CountDownLatch stopped = new CountDownLatch(1);
        // A graceful stop closes the H2 store, so everything written is on disk.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdownNow();
            System.out.println("MongoDB wire server stopped");
            stopped.countDown();
        }, "mongo-shutdown"));
        stopped.await();
    }
}
