package eu.creditbridge.registry.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;

/** A MongoDB wire-protocol server in this JVM, on a free port, with a client on a fresh database. */
public final class InProcessMongo implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;

    public InProcessMongo() {
        server.bind("127.0.0.1", 0);
        client = MongoClients.create(uri());
    }

    /** Connection string of the server, for Spring Boot tests ({@code spring.mongodb.uri}). */
    public String uri() {
        InetSocketAddress address = server.getLocalAddress();
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    public MongoDatabase database() {
        return client.getDatabase("creditbridge-registry");
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
