package eu.creditbridge.localstack.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import eu.creditbridge.localstack.LocalPorts;
import java.util.function.Consumer;
import org.bson.Document;

/** Recognition's decisions collection through the official driver, on a server over the given backend, then shut down. */
final class DecisionsCollection {

    private DecisionsCollection() {
    }

    static void on(MongoBackend backend, Consumer<MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(backend);
        server.bind(LocalPorts.HOST, 0);
        try (MongoClient client = MongoClients.create("mongodb://" + LocalPorts.HOST + ":" + server.getLocalAddress().getPort())) {
            work.accept(client.getDatabase("creditbridge-recognition").getCollection("decisions"));
        } finally {
            server.shutdownNow();
        }
    }
}
