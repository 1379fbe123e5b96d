package eu.creditbridge.registry.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import eu.creditbridge.registry.application.AllianceStore;
import eu.creditbridge.registry.application.Stored;
import eu.creditbridge.registry.domain.Alliance;
import eu.creditbridge.registry.domain.AllianceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Collection {@code alliances}: {@code _id} = alliance id, name, description, and
 * {@code pendingPropagation} while a new name has not yet reached every member's document.
 */
public class MongoAllianceStore implements AllianceStore {

    private static final String REVISION = "revision";
    private static final String PENDING = "pendingPropagation";

    private final MongoCollection<Document> alliances;

    public MongoAllianceStore(MongoDatabase database) {
        this.alliances = database.getCollection("alliances");
    }

    @Override
    public Optional<Stored<Alliance>> find(AllianceId id) {
        return Optional.ofNullable(alliances.find(eq("_id", id.value())).first()).map(MongoAllianceStore::stored);
    }

    @Override
    public List<Alliance> all() {
        return alliances.find().sort(Sorts.ascending("_id")).map(MongoAllianceStore::alliance).into(new ArrayList<>());
    }

    @Override
    public boolean save(Alliance alliance, long expectedRevision) {
        Document state = new Document("name", alliance.name())
                .append("description", alliance.description())
                .append(REVISION, expectedRevision + 1)
                .append(PENDING, true);
        if (expectedRevision == 0) {
            try {
                Document created = new Document("_id", alliance.id().value());
                created.putAll(state);
                alliances.insertOne(created);
                return true;
            } catch (MongoWriteException e) {
                if (Writes.isDuplicateKey(e)) {
                    return false;
                }
                throw e;
            }
        }
        return alliances.updateOne(and(eq("_id", alliance.id().value()), eq(REVISION, expectedRevision)),
                new Document("$set", state)).getMatchedCount() == 1;
    }

    @Override
    public List<Stored<Alliance>> pendingPropagation() {
        return alliances.find(eq(PENDING, true)).map(MongoAllianceStore::stored).into(new ArrayList<>());
    }

    @Override
    public void markPropagated(AllianceId id, long revision) {
        alliances.updateOne(and(eq("_id", id.value()), eq(REVISION, revision)),
                new Document("$set", new Document(PENDING, false)));
    }

    private static Alliance alliance(Document d) {
        return new Alliance(new AllianceId(d.getString("_id")), d.getString("name"), d.getString("description"));
    }

    private static Stored<Alliance> stored(Document d) {
        return new Stored<>(alliance(d), d.get(REVISION, Number.class).longValue(), null);
    }
}
