package eu.creditbridge.localstack.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import eu.creditbridge.localstack.LocalPorts;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OperationCountersTest {

    private MongoServer server;
    private MongoClient client;

    @BeforeEach
    void start() {
        server = new MongoServer(new IndexedH2Backend(null));   // no file: the store in memory only
        server.bind(LocalPorts.HOST, 0);
        client = MongoClients.create("mongodb://" + LocalPorts.HOST + ":" + server.getLocalAddress().getPort());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void theServerStatusCountsEveryWriteAsMongoDbsOpcountersDo() {
        MongoCollection<Document> decisions = client.getDatabase("creditbridge-recognition").getCollection("decisions");
        Document before = opcounters();

        decisions.insertMany(List.of(new Document("_id", 1), new Document("_id", 2), new Document("_id", 3)));
        decisions.bulkWrite(List.of(
                new ReplaceOneModel<>(Filters.eq("_id", 1), new Document("published", true), new ReplaceOptions().upsert(true)),
                new ReplaceOneModel<>(Filters.eq("_id", 4), new Document("published", false), new ReplaceOptions().upsert(true))),
                new BulkWriteOptions().ordered(false));
        decisions.updateMany(Filters.exists("published"), Updates.set("seen", true));
        decisions.findOneAndUpdate(Filters.eq("_id", 2), Updates.set("seen", true));
        decisions.deleteOne(Filters.eq("_id", 3));
        decisions.find().into(new java.util.ArrayList<>());

        Document after = opcounters();
        assertThat(after.getLong("insert") - before.getLong("insert")).isEqualTo(3);
        assertThat(after.getLong("update") - before.getLong("update")).isEqualTo(4);   // two in the bulk write, updateMany, findOneAndUpdate
        assertThat(after.getLong("delete") - before.getLong("delete")).isEqualTo(1);
    }

    private Document opcounters() {
        return client.getDatabase("admin").runCommand(new Document("serverStatus", 1)).get("opcounters", Document.class);
    }
}
