package eu.creditbridge.registry.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import eu.creditbridge.registry.web.Accounts;
import java.net.InetSocketAddress;
import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A MongoDB wire-protocol server in this JVM, on a free port, with a client on a fresh database. Plain tests make
 * their own; the Spring tests ({@link eu.creditbridge.registry.RegistrySpringTest}) share {@link #shared() one}.
 */
public final class InProcessMongo implements AutoCloseable {

    private static InProcessMongo shared;

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;

    public InProcessMongo() {
        server.bind("127.0.0.1", 0);
        client = MongoClients.create(uri());
    }

    /** The server of the Spring tests: started on first use, stopped when the JVM ends (after the cached contexts). */
    public static synchronized InProcessMongo shared() {
        if (shared == null) {
            shared = new InProcessMongo();
        }
        return shared;
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

    /**
     * Points a test context at the shared server, in a database of its own: classes whose settings are identical share
     * one context (Spring's cache keys on this class, not on the values it sets), and no two contexts share data.
     */
    public static final class ForSpringTests implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(
                    "spring.mongodb.uri=" + shared().uri(),
                    "spring.mongodb.database=creditbridge-registry-" + UUID.randomUUID().toString().substring(0, 8),
                    "creditbridge.security.machine-accounts-file=" + Accounts.machineAccountsFile())
                    .applyTo(context);
        }
    }
}
