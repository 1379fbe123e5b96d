package eu.creditbridge.recognition.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.UUID;

/** mongo-java-server on a free port, spoken to over the real wire protocol by the official driver. */
public final class InProcessMongo implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;
    private final String uri;

    public InProcessMongo() {
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
