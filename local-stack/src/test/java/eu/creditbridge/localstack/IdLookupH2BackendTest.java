package eu.creditbridge.localstack;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Conditional writes pinned to one _id, as the services send them, answer as a full scan would. */
class IdLookupH2BackendTest {

    @TempDir
    Path dir;

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> decisions;

    @BeforeEach
    void start() {
        server = new MongoServer(new IdLookupH2Backend(dir.resolve("test.mv").toString()));
        server.bind(LocalPorts.HOST, 0);
        client = MongoClients.create("mongodb://" + LocalPorts.HOST + ":" + server.getLocalAddress().getPort());
        decisions = client.getDatabase("creditbridge-issuer").getCollection("decisions");
        for (int i = 0; i < 50; i++) {
            decisions.insertOne(new Document("_id", "credential-" + i).append("revision", 2).append("components", List.of("a")));
        }
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void newerRevisionReplacesTheStoredOneAndAnOlderOneCollidesOnItsId() {
        var newer = decisions.replaceOne(and(eq("_id", "credential-7"), lt("revision", 3)),
                new Document("_id", "credential-7").append("revision", 3), new ReplaceOptions().upsert(true));
        assertThat(newer.getModifiedCount()).isEqualTo(1);

        assertThatThrownBy(() -> decisions.replaceOne(and(eq("_id", "credential-7"), lt("revision", 3)),
                new Document("_id", "credential-7").append("revision", 3), new ReplaceOptions().upsert(true)))
                .isInstanceOfSatisfying(MongoWriteException.class,
                        e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        assertThat(decisions.find(eq("_id", "credential-7")).first().getInteger("revision")).isEqualTo(3);
    }

    @Test
    void updateUnlessAlreadyThereChangesTheDocumentOnce() {
        var first = decisions.updateOne(and(eq("_id", "credential-3"), ne("components", "b")), Updates.push("components", "b"));
        var again = decisions.updateOne(and(eq("_id", "credential-3"), ne("components", "b")), Updates.push("components", "b"));

        assertThat(first.getModifiedCount()).isEqualTo(1);
        assertThat(again.getMatchedCount()).isZero();
        assertThat(decisions.find(eq("_id", "credential-3")).first().getList("components", String.class)).containsExactly("a", "b");
    }

    @Test
    void findPinnedToAnIdWithFurtherConditionsFindsOnlyWhatMatchesThemAll() {
        assertThat(decisions.find(and(eq("_id", "credential-5"), eq("revision", 2))).into(new java.util.ArrayList<>())).hasSize(1);
        assertThat(decisions.find(and(eq("_id", "credential-5"), eq("revision", 9))).into(new java.util.ArrayList<>())).isEmpty();
        assertThat(decisions.find(and(eq("_id", "no-such-credential"), eq("revision", 2))).into(new java.util.ArrayList<>())).isEmpty();
        assertThat(decisions.countDocuments(eq("revision", 2))).isEqualTo(50);
    }

    @Test
    void onlyAnEqualityOnIdPinsADocument() {
        var and = new de.bwaldvogel.mongo.bson.Document("$and", List.of(new de.bwaldvogel.mongo.bson.Document("_id", "x"),
                new de.bwaldvogel.mongo.bson.Document("revision", new de.bwaldvogel.mongo.bson.Document("$lt", 3))));
        var in = new de.bwaldvogel.mongo.bson.Document("_id", new de.bwaldvogel.mongo.bson.Document("$in", List.of("x", "y")))
                .append("revision", 2);

        assertThat(IdLookupH2Backend.pinnedId(and)).isEqualTo("x");
        assertThat(IdLookupH2Backend.pinnedId(new de.bwaldvogel.mongo.bson.Document("_id", "x").append("revision", 2))).isEqualTo("x");
        assertThat(IdLookupH2Backend.pinnedId(in)).isNull();
        assertThat(IdLookupH2Backend.pinnedId(new de.bwaldvogel.mongo.bson.Document("revision", 2))).isNull();
    }
}
