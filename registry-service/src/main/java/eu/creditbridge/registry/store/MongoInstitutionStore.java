package eu.creditbridge.registry.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.registry.application.InstitutionStore;
import eu.creditbridge.registry.application.Stored;
import eu.creditbridge.registry.domain.AllianceId;
import eu.creditbridge.registry.domain.Institution;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Collection {@code institutions}: {@code _id} = SCHAC code, the state, and the outbox fields
 * {@code revision}, {@code publishedRevision}, {@code pendingPublication}. The state and its pending
 * mark are written by one update, so a crash can never store a change without its mark.
 */
public class MongoInstitutionStore implements InstitutionStore {

    private static final String REVISION = "revision";
    private static final String PUBLISHED_REVISION = "publishedRevision";
    private static final String PENDING = "pendingPublication";
    private static final String UPDATED_AT = "updatedAt";

    private final MongoCollection<Document> institutions;

    public MongoInstitutionStore(MongoDatabase database) {
        this.institutions = database.getCollection("institutions");
        institutions.createIndex(Indexes.ascending(PENDING, UPDATED_AT));
        institutions.createIndex(Indexes.ascending("memberships.allianceId"));
    }

    @Override
    public Optional<Stored<Institution>> find(SchacCode schacCode) {
        return Optional.ofNullable(institutions.find(eq("_id", schacCode.value())).first()).map(MongoInstitutionStore::stored);
    }

    @Override
    public List<Institution> all() {
        return institutions.find().sort(Sorts.ascending("_id")).map(InstitutionDocuments::institution).into(new ArrayList<>());
    }

    @Override
    public List<Institution> membersOf(AllianceId allianceId) {
        return institutions.find(eq("memberships.allianceId", allianceId.value())).sort(Sorts.ascending("_id"))
                .map(InstitutionDocuments::institution).into(new ArrayList<>());
    }

    @Override
    public boolean save(Institution institution, long expectedRevision, Instant updatedAt) {
        Document state = InstitutionDocuments.stateOf(institution)
                .append(REVISION, expectedRevision + 1)
                .append(PENDING, true)
                .append(UPDATED_AT, Dates.write(updatedAt));
        if (expectedRevision == 0) {
            try {
                Document created = new Document("_id", institution.schacCode().value()).append(PUBLISHED_REVISION, 0L);
                created.putAll(state);
                institutions.insertOne(created);
                return true;
            } catch (MongoWriteException e) {
                if (Writes.isDuplicateKey(e)) {
                    return false;
                }
                throw e;
            }
        }
        return institutions.updateOne(
                and(eq("_id", institution.schacCode().value()), eq(REVISION, expectedRevision)),
                new Document("$set", state)).getMatchedCount() == 1;
    }

    /** Institution changes not yet relayed to the topic (on the pendingPublication index). */
    public long countPendingPublication() {
        return institutions.countDocuments(eq(PENDING, true));
    }

    @Override
    public List<Stored<Institution>> pendingPublication(int limit) {
        return institutions.find(eq(PENDING, true)).sort(Sorts.ascending(UPDATED_AT)).limit(limit)
                .map(MongoInstitutionStore::stored).into(new ArrayList<>());
    }

    @Override
    public void markPublished(SchacCode schacCode, long revision) {
        institutions.updateOne(and(eq("_id", schacCode.value()), eq(REVISION, revision)),
                new Document("$set", new Document(PENDING, false).append(PUBLISHED_REVISION, revision)));
    }

    @Override
    public boolean publishAgain(SchacCode schacCode) {
        return institutions.updateOne(eq("_id", schacCode.value()), new Document("$set", new Document(PENDING, true)))
                .getMatchedCount() == 1;
    }

    @Override
    public boolean isEmpty() {
        return institutions.countDocuments() == 0;
    }

    private static Stored<Institution> stored(Document d) {
        return new Stored<>(InstitutionDocuments.institution(d), d.get(REVISION, Number.class).longValue(),
                Dates.read(d.getDate(UPDATED_AT)));
    }
}
