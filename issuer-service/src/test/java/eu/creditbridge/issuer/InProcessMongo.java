package eu.creditbridge.issuer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.UUID;

/** A MongoDB wire-protocol server in this JVM, so store tests speak the real protocol to a real driver. */
public final class InProcessMongo implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final String uri;
    private final MongoClient client;

    public InProcessMongo() {
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        uri = "mongodb://127.0.0.1:" + address.getPort();
        client = MongoClients.create(uri);
    }

    public String uri() {
        return uri;
    }

    /** A database no other test uses. */
    public MongoDatabase freshDatabase() {
        return client.getDatabase("creditbridge-issuer-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
