package eu.creditbridge.localstack.store;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unique keys ({@code _id} and the services' unique indexes) stay unique across reopening, migration and a torn build. */
class UniqueIndexTest {

    private static final String ID_INDEX_MAP = "creditbridge-recognition.decisions._unique__id_";

    @TempDir
    Path dir;

    @Test
    void aDuplicateKeyIsRefusedBeforeAndAfterTheStoreIsReopened() {
        String file = dir.resolve("store.mv").toString();
        DecisionsCollection.on(new IndexedH2Backend(file), decisions -> {
            decisions.createIndex(Indexes.ascending("credentialId", "receiver"), new IndexOptions().unique(true).name("credential"));
            fill(decisions, 200);
            assertDuplicatesRefused(decisions);
        });
        DecisionsCollection.on(new IndexedH2Backend(file), decisions -> {
            assertDuplicatesRefused(decisions);
            assertThat(decisions.find(eq("_id", "d-150")).first()).containsEntry("credentialId", "c-150");
            decisions.deleteOne(eq("_id", "d-150"));
            decisions.insertOne(new Document("_id", "d-150").append("credentialId", "c-150").append("receiver", "eur.nl"));
        });
    }

    @Test
    void aFileWhoseIdIndexTheLibraryKeptIsRebuiltOnceAndStillRefusesDuplicates() {
        String file = dir.resolve("legacy.mv").toString();
        DecisionsCollection.on(new H2Backend(file), decisions -> fill(decisions, 200));

        DecisionsCollection.on(new IndexedH2Backend(file), decisions -> {
            assertThat(decisions.countDocuments()).isEqualTo(200);
            assertDuplicateIdRefused(decisions);
        });
        MVStore store = new MVStore.Builder().fileName(file).readOnly().open();
        try {
            assertThat(store.getMapNames()).contains(ID_INDEX_MAP)
                    .doesNotContain("creditbridge-recognition.decisions._index__id_");
        } finally {
            store.close();
        }
    }

    @Test
    void anIndexWhoseBuildWasInterruptedIsBuiltAgainFromTheDocuments() {
        String file = dir.resolve("torn.mv").toString();
        DecisionsCollection.on(new IndexedH2Backend(file), decisions -> fill(decisions, 200));
        MVStore store = new MVStore.Builder().fileName(file).open();
        store.openMap(ID_INDEX_MAP + ".state").clear();
        store.close();

        DecisionsCollection.on(new IndexedH2Backend(file), this::assertDuplicateIdRefused);
    }

    private static void fill(MongoCollection<Document> decisions, int count) {
        decisions.insertMany(IntStream.range(0, count)
                .mapToObj(i -> new Document("_id", "d-" + i).append("credentialId", "c-" + i).append("receiver", "eur.nl"))
                .toList());
    }

    private void assertDuplicatesRefused(MongoCollection<Document> decisions) {
        assertDuplicateIdRefused(decisions);
        assertThatThrownBy(() -> decisions.insertOne(new Document("_id", "other").append("credentialId", "c-7").append("receiver", "eur.nl")))
                .isInstanceOfSatisfying(MongoWriteException.class,
                        e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }

    private void assertDuplicateIdRefused(MongoCollection<Document> decisions) {
        for (String id : List.of("d-0", "d-99", "d-199")) {
            assertThatThrownBy(() -> decisions.insertOne(new Document("_id", id).append("credentialId", "new")))
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        }
        assertThat(decisions.find(eq("_id", "d-99")).first()).containsEntry("credentialId", "c-99");
    }
}
