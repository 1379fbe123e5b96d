package eu.creditbridge.localstack.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.regex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code _id} index answered by the documents map: ids stay unique and found, whatever their type, before and after
 * the file is reopened, and a file whose {@code _id} map still lists every id is cleaned once.
 */
class IdIndexTest {

    private static final String OTHER_IDS_MAP = "creditbridge-recognition.decisions._unique__id_";

    @TempDir
    Path dir;

    @Test
    void stringAndObjectIdsAreFoundAndStayUniqueWithoutAMapOfTheirOwn() {
        String file = dir.resolve("plain.mv").toString();
        ObjectId objectId = new ObjectId();
        DecisionsCollection.on(new IndexedH2Backend(file), decisions -> {
            fill(decisions, 100);
            decisions.insertOne(new Document("_id", objectId).append("credentialId", "by-object-id"));
            assertUniqueAndFound(decisions, objectId);
        });
        assertThat(otherIds(file)).isEmpty();
        DecisionsCollection.on(new IndexedH2Backend(file), decisions -> {
            assertUniqueAndFound(decisions, objectId);
            decisions.deleteOne(eq("_id", "d-42"));
            assertThat(decisions.find(eq("_id", "d-42")).first()).isNull();
            decisions.insertOne(new Document("_id", "d-42").append("credentialId", "again"));
            assertThat(decisions.find(eq("_id", "d-42")).first()).containsEntry("credentialId", "again");
        });
    }

    @Test
    void numericIdsAreOneIdByValueAsInMongoDb() {
        String file = dir.resolve("numbers.mv").toString();
        DecisionsCollection.on(new IndexedH2Backend(file), decisions -> {
            decisions.insertOne(new Document("_id", 7).append("credentialId", "seven"));
            assertDuplicate(() -> decisions.insertOne(new Document("_id", 7.0)));
            assertDuplicate(() -> decisions.insertOne(new Document("_id", 7L)));
        });
        assertThat(otherIds(file)).hasSize(1);
        DecisionsCollection.on(new IndexedH2Backend(file), decisions -> {
            assertThat(decisions.find(eq("_id", 7L)).first()).containsEntry("credentialId", "seven");
            assertDuplicate(() -> decisions.insertOne(new Document("_id", 7.0)));
            decisions.deleteOne(eq("_id", 7.0));
            assertThat(decisions.countDocuments()).isZero();
        });
        assertThat(otherIds(file)).isEmpty();
    }

    @Test
    void aFileWhoseIdMapListsEveryIdKeepsOnlyTheOthersOnceReopened() {
        String file = dir.resolve("previous.mv").toString();
        DecisionsCollection.on(new IndexedH2Backend(file), decisions -> {
            fill(decisions, 50);
            decisions.insertOne(new Document("_id", 3).append("credentialId", "three"));
        });
        // What the previous version kept: every id in the map, and no mark that the plain ones went out.
        MVStore store = new MVStore.Builder().fileName(file).open();
        MVMap<Object[], Object[]> ids = idsMap(store);
        IntStream.range(0, 50).forEach(i -> ids.put(new Object[] {"d-" + i}, new Object[] {"d-" + i}));
        store.removeMap(OTHER_IDS_MAP + ".plain-ids-out.state");
        store.close();

        DecisionsCollection.on(new IndexedH2Backend(file), decisions -> {
            assertUniqueAndFound(decisions, null);
            assertDuplicate(() -> decisions.insertOne(new Document("_id", 3.0)));
        });
        assertThat(otherIds(file)).containsExactly(3.0);
    }

    private static void fill(MongoCollection<Document> decisions, int count) {
        decisions.insertMany(IntStream.range(0, count)
                .mapToObj(i -> new Document("_id", "d-" + i).append("credentialId", "c-" + i)).toList());
    }

    private static void assertUniqueAndFound(MongoCollection<Document> decisions, ObjectId objectId) {
        assertDuplicate(() -> decisions.insertOne(new Document("_id", "d-7")));
        assertThat(decisions.find(eq("_id", "d-7")).first()).containsEntry("credentialId", "c-7");
        assertThat(decisions.find(in("_id", "d-1", "d-2", "missing")).into(new ArrayList<>())).hasSize(2);
        // a regular expression on _id walks the index's entries: each document once
        assertThat(decisions.find(regex("_id", "^d-4")).into(new ArrayList<>())).hasSize(11);
        if (objectId != null) {
            assertDuplicate(() -> decisions.insertOne(new Document("_id", objectId)));
            assertThat(decisions.find(eq("_id", objectId)).first()).containsEntry("credentialId", "by-object-id");
        }
    }

    private static void assertDuplicate(Runnable insert) {
        assertThatThrownBy(insert::run).isInstanceOfSatisfying(MongoWriteException.class,
                e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }

    /** The ids the map of non-plain ids holds, as their (normalised) keys. */
    private static List<Object> otherIds(String file) {
        MVStore store = new MVStore.Builder().fileName(file).readOnly().open();
        try {
            return idsMap(store).keySet().stream().map(key -> key[0]).toList();
        } finally {
            store.close();
        }
    }

    private static MVMap<Object[], Object[]> idsMap(MVStore store) {
        return store.openMap(OTHER_IDS_MAP, new MVMap.Builder<Object[], Object[]>()
                .keyType(IndexKeyType.INSTANCE).valueType(IndexKeyType.INSTANCE));
    }
}
