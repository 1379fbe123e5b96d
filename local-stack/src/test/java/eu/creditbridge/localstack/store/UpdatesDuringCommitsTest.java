package eu.creditbridge.localstack.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import eu.creditbridge.localstack.LocalPorts;
import java.nio.file.Path;
import java.util.List;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A document in the store's map is never changed after it was put there. The library updates the document it reads in
 * place, and H2's background writer serialises the map's documents at each commit, on its own thread: when the two met
 * on one document the writer failed with a ConcurrentModificationException and H2 closed the store ("This store is
 * closed" for every later command; found by {@code ./creditbridge chaos}, 20,000 credentials). A concurrent stress of
 * updates against commits did not reproduce that meeting in a test, so this checks the invariant that rules it out:
 * what the map held before an update is untouched by it, whichever way the update found the document.
 */
class UpdatesDuringCommitsTest {

    private static final String MAP = "databases.creditbridge-recognition.learnerRecords";

    @TempDir
    Path dir;

    @Test
    void anUpdateChangesACopyAndPutsItBackLeavingTheInstanceTheWriterMayBeSerialisingAlone() {
        IndexedH2Backend backend = new IndexedH2Backend(dir.resolve("updates.mv").toString());
        MongoServer server = new MongoServer(backend);
        server.bind(LocalPorts.HOST, 0);
        try (MongoClient client = MongoClients.create("mongodb://" + LocalPorts.HOST + ":" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> records = client.getDatabase("creditbridge-recognition").getCollection("learnerRecords");
            records.insertOne(new Document("_id", "record-1").append("learnerId", "anna")
                    .append("components", List.of(new Document("credential", "c-1")))
                    .append("totals", new Document("electives", 5)));
            MVMap<Object, de.bwaldvogel.mongo.bson.Document> map = backend.getMvStore().openMap(MAP);

            // By _id (the index path), by another field (a scan), and through findAndModify.
            de.bwaldvogel.mongo.bson.Document first = map.get("record-1");
            String firstAsStored = first.toString();
            records.updateOne(Filters.eq("_id", "record-1"), Updates.combine(
                    Updates.push("components", new Document("credential", "c-2")), Updates.inc("totals.electives", 5),
                    Updates.set("totals.new-category", 3)));
            de.bwaldvogel.mongo.bson.Document second = map.get("record-1");
            String secondAsStored = second.toString();
            records.updateOne(Filters.eq("learnerId", "anna"), Updates.push("components", new Document("credential", "c-3")));
            de.bwaldvogel.mongo.bson.Document third = map.get("record-1");
            String thirdAsStored = third.toString();
            Document returned = records.findOneAndUpdate(Filters.eq("_id", "record-1"), Updates.inc("totals.electives", 5),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));

            assertThat(first.toString()).isEqualTo(firstAsStored);
            assertThat(second.toString()).isEqualTo(secondAsStored).isNotEqualTo(firstAsStored);
            assertThat(third.toString()).isEqualTo(thirdAsStored).isNotEqualTo(secondAsStored);
            assertThat(second).isNotSameAs(first);
            assertThat(third).isNotSameAs(second);
            assertThat(returned.get("totals", Document.class)).isEqualTo(new Document("electives", 15).append("new-category", 3));
            assertThat(records.find().first().getList("components", Document.class)).extracting(component -> component.getString("credential"))
                    .containsExactly("c-1", "c-2", "c-3");
        } finally {
            server.shutdownNow();
        }
    }
}
