package eu.creditbridge.recognition.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.UUID;

/**
 * mongo-java-server on a free port, spoken to over the real wire protocol by the official driver: the one MongoDB of
 * the test run ({@link #shared()}), each test or application context on a database of its own.
 */
public final class InProcessMongo implements AutoCloseable {

    /*
     * Started on first use; it ends with the test JVM, not in a shutdown hook of its own: hooks run at once, and the
     * cached application contexts' hooks still release their job leases in MongoDB. With the server already stopped,
     * that release waited out the driver's 30 s server selection, and Surefire killed the JVM 30 s after its exit.
     */
    private static final class Shared {
        static final InProcessMongo MONGO = new InProcessMongo();
    }

    private final MongoServer server;
    private final MongoClient client;
    private final String uri;

    /** The server every test shares; it outlives the test classes, so none of them closes it. */
    public static InProcessMongo shared() {
        return Shared.MONGO;
    }

    private InProcessMongo() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        uri = "mongodb://127.0.0.1:" + address.getPort();
        client = MongoClients.create(uri);
    }

    public String uri() {
        return uri;
    }

    /** A database of its own for each test, so tests never see each other's documents. */
    public MongoDatabase freshDatabase() {
        return client.getDatabase("recognition-" + UUID.randomUUID());
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
