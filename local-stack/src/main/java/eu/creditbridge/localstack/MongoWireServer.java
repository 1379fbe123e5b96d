package eu.creditbridge.localstack;

import de.bwaldvogel.mongo.MongoServer;
import eu.creditbridge.localstack.store.IndexedH2Backend;
import eu.creditbridge.localstack.store.StoreOpened;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * A MongoDB wire-protocol server (de.bwaldvogel mongo-java-server). In the stack it runs as its own
 * process on the H2 backend, one file in the state folder, so data survives restarts; tests that want
 * nothing on disk use {@link #inMemory()} in their own JVM.
 */
public final class MongoWireServer implements StackComponent {

    public static final String NAME = "mongo";
    /** {@code --file memory}: no file, the store in memory only. */
    static final String MEMORY = "memory";
    private static final long GIB_IN_MIB = 1024;
    /* The least heap the store gets, however small the machine (see heapOptions). */
    private static final long MIN_HEAP_MIB = 512;
    /*
     * The in-memory store keeps every document it is given, so what survives a young collection is nearly all there to
     * stay: promoted at once instead of copied between the survivor spaces (store CPU in a default-size burst 20.8 s ->
     * 17.6 s), into a heap touched before the store opens, since first touching the old generation's pages put 0.3-0.5 s
     * of system time into each collection (-> 14.6 s; the burst 1,819 -> 2,039/s, one run each). Costs some seconds at
     * start and the heap's whole size resident: for the bench's in-memory stack only; the durable store's pages die
     * within a second of a commit and must not be promoted.
     */
    private static final List<String> IN_MEMORY_GC_OPTIONS = List.of("-XX:MaxTenuringThreshold=1", "-XX:+AlwaysPreTouch");

    private final int port;
    private final ChildProcess process;
    private final Path openedFile;

    public MongoWireServer(StateLayout state, StackArtifacts artifacts, int port) {
        this(state, artifacts, port, false);
    }

    /**
     * With {@code inMemory} the same indexed backend keeps its store in memory only (H2's MVStore without a file): what
     * the bench uses to show the pipeline's own ceiling, the disk taken out. Everything is gone when it stops.
     */
    public MongoWireServer(StateLayout state, StackArtifacts artifacts, int port, boolean inMemory) {
        this.port = port;
        Path file = state.dir(NAME).resolve("creditbridge.mv");
        List<String> cmd = ChildProcess.javaCommand(NAME, Stream.concat(heapOptions(inMemory).stream(),
                Stream.of("-Dlog4j2.configurationFile=" + writeLogConfig(state.dir(NAME)))).toList());
        cmd.addAll(List.of("-cp", artifacts.processClasspath(), MongoWireServer.class.getName(),
                "--port", Integer.toString(port), "--file", inMemory ? MEMORY : file.toString()));
        this.openedFile = file.resolveSibling(StoreOpened.FILE_NAME);
        deleteQuietly(openedFile);
        // Ready when the services' databases answer (the port first: no driver is started against a closed one). The first open of a file an older version wrote moves it to the
        // BSON format once, which takes a while for a big store: hence the generous timeout.
        List<String> databases = ServiceProcess.ALL.stream().map(ServiceProcess::database).toList();
        this.process = new ChildProcess(NAME, cmd, state.dir(NAME), state, ReadinessProbe.tcp(port).and(ReadinessProbe.mongo(uri(), databases)), Duration.ofSeconds(600));
    }

    /**
     * The parallel collector, with a young generation large enough that a collection is rare. H2's copy-on-write B-tree
     * allocates a fresh page for every change and keeps each one alive until the next commit (1 s), so whatever young
     * generation there is, a collection copies about the last second's pages: the fewer collections, the less copying.
     * A fixed 1 GiB heap (G1 had paid for the same pages in barriers and marking) let the collector shrink the young
     * generation to about 170 MB: a collection every 0.3 s, a full one every 5 s, 42 % of the store's CPU in a burst
     * (async-profiler). 2 GiB young in a 3 GiB heap: 9 collections in a whole bench run, none full; the store's CPU in a
     * 20,000-credential burst fell from 17.5 s to 9.9-12.1 s and the burst rose from 951 to 1,171-1,287/s. G1 on the same
     * 3 GiB: 22.9 s, 859/s. 3 GiB young in 4 GiB: no better (11.3 s), with longer pauses (up to 0.67 s).
     * In memory every document lives on the heap, hence the larger heap (the same young generation), fixed as well: grown
     * from 4 GiB, the old generation was collected in full each time it had to grow, and those full collections of
     * gigabytes of documents were 91 % of the in-memory store's CPU in a profiled burst (async-profiler); fixed, none
     * came (the store's CPU in a default-size burst 25.3 s -> 20.8 s). See {@link #IN_MEMORY_GC_OPTIONS} for the rest.
     *
     * <p>Those are the sizes on a machine with room for them; a smaller one gets at most a quarter of its memory for the
     * store (half for the bench's in-memory store), two thirds of it young, and never less than 512 MiB.
     */
    static List<String> heapOptions(boolean inMemory) {
        return heapOptions(inMemory, physicalMemoryBytes());
    }

    static List<String> heapOptions(boolean inMemory, long physicalBytes) {
        long physicalMib = physicalBytes >> 20;
        long heapMib = Math.max(MIN_HEAP_MIB, inMemory ? Math.min(10 * GIB_IN_MIB, physicalMib / 2) : Math.min(3 * GIB_IN_MIB, physicalMib / 4));
        long youngMib = Math.min(2 * GIB_IN_MIB, heapMib * 2 / 3);
        List<String> options = List.of("-XX:+UseParallelGC", "-Xms" + heapMib + "m", "-Xmx" + heapMib + "m", "-Xmn" + youngMib + "m");
        return inMemory ? Stream.concat(options.stream(), IN_MEMORY_GC_OPTIONS.stream()).toList() : options;
    }

    /* What the operating system (or the container's limit) gives this machine. */
    private static long physicalMemoryBytes() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
    }

    /** What the server reported when it opened its store (how long, how much data); empty until it has. */
    public Optional<StoreOpened> opened() {
        return StoreOpened.readFrom(openedFile);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale report is only misleading, never harmful: the server rewrites it when it opens
        }
    }

    /** In this JVM, memory only, on a free port: for tests that need the wire protocol and nothing else. */
    public static InProcess inMemory() {
        MongoServer server = new MongoServer(new MemoryBackend() {
            @Override
            public Document handleCommand(Channel channel, String database, String command, Document query) {
                return super.handleCommand(channel, database, IndexedH2Backend.helloAsIsMaster(command), query);
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

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
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
        boolean inMemory = file.equals(MEMORY);
        try {
            if (!inMemory) {
                Files.createDirectories(Path.of(file).toAbsolutePath().getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long started = System.nanoTime();
        IndexedH2Backend backend = new IndexedH2Backend(inMemory ? null : file);
        StoreOpened opened = new StoreOpened(Duration.ofNanos(System.nanoTime() - started), backend.documentCount(),
                inMemory ? 0 : sizeOf(Path.of(file)), backend.migration());
        MongoServer server = new MongoServer(backend);
        server.bind(LocalPorts.HOST, port);
        if (!inMemory) {
            opened.writeTo(Path.of(file).resolveSibling(StoreOpened.FILE_NAME));
        }
        System.out.println("MongoDB wire protocol on " + LocalPorts.HOST + ":" + port + ", data "
                + (inMemory ? "in memory only" : "in " + file) + "; " + opened.summary());
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
