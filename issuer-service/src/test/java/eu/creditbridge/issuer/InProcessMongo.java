package eu.creditbridge.issuer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A MongoDB wire-protocol server in this JVM, so store tests speak the real protocol to a real driver. Plain tests
 * make their own; the Spring tests ({@link IssuerSpringTest}) share {@link #shared() one} for the whole run.
 */
public final class InProcessMongo implements AutoCloseable {

    private static InProcessMongo shared;

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final String uri;
    private final MongoClient client;

    public InProcessMongo() {
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        uri = "mongodb://127.0.0.1:" + address.getPort();
        client = MongoClients.create(uri);
    }

    /** The server of the Spring tests: started on first use, stopped when the JVM ends (after the cached contexts). */
    public static synchronized InProcessMongo shared() {
        if (shared == null) {
            shared = new InProcessMongo();
        }
        return shared;
    }

    public String uri() {
        return uri;
    }

    /** A database no other test uses. */
    public MongoDatabase freshDatabase() {
        return client.getDatabase(freshName());
    }

    private static String freshName() {
        return "creditbridge-issuer-" + UUID.randomUUID().toString().substring(0, 8);
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
                    "spring.mongodb.database=" + freshName(),
                    "creditbridge.security.machine-accounts-file=" + TestAccounts.machineAccountsFile())
                    .applyTo(context);
        }
    }
}
