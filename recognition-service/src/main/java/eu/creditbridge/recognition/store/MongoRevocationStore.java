package eu.creditbridge.recognition.store;

import eu.creditbridge.recognition.application.RevocationStore;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import eu.creditbridge.kernel.DecisionId;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.domain.Revocation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;

/**
 * Collection {@code revocations}: every revocation recorded, one document per (decision, revoking institution),
 * {@code _id} {@code <decision id>|<revoking schac>} (older documents: the decision id alone). A late or replayed
 * issuance of a revoked credential finds its issuer's revocation here and is not recognised.
 *
 * <p>Keyed by the revoking institution too, because a revocation that arrives before its issuance cannot be judged
 * yet: were it keyed by the decision alone, a stranger's early revocation would take the place of the issuer's own.
 * Only the issuer's is ever read back ({@link #find(DecisionId, SchacCode)}); the others are marked refused once the
 * issuance shows they were not the issuer's.
 */
public class MongoRevocationStore implements RevocationStore {

    static final String COLLECTION = "revocations";
    static final String REFUSED_AT = "refusedAt";

    private final MongoCollection<Document> collection;

    public MongoRevocationStore(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
        collection.createIndex(Indexes.ascending("decisionId"), new IndexOptions().name("by-decision"));
    }

    @Override
    public void record(Revocation revocation) {
        try {
            collection.insertOne(new Document("_id", id(revocation.decisionId(), revocation.issuingInstitution()))
                    .append("decisionId", revocation.decisionId().value())
                    .append("credentialId", revocation.credentialId().toString())
                    .append("issuingInstitution", revocation.issuingInstitution().value())
                    .append("learnerId", revocation.learner().value())
                    .append("homeInstitution", revocation.homeInstitution().value())
                    .append("revokedAt", Documents.date(revocation.revokedAt()))
                    .append("reason", revocation.reason()));
        } catch (MongoException e) {
            if (!Documents.isDuplicateKey(e)) {
                throw e;
            }
        }
    }

    @Override
    public Optional<Revocation> find(DecisionId id, SchacCode issuer) {
        return Optional.ofNullable(collection.find(and(in("_id", id(id, issuer), id.value()), eq("issuingInstitution", issuer.value())))
                .first()).map(MongoRevocationStore::revocation);
    }

    @Override
    public Map<DecisionId, List<Revocation>> findAll(Collection<DecisionId> ids) {
        Map<DecisionId, List<Revocation>> found = new HashMap<>();
        if (!ids.isEmpty()) {
            List<String> values = ids.stream().map(DecisionId::value).distinct().toList();
            // Older documents are keyed by the decision id alone.
            collection.find(or(in("decisionId", values), in("_id", values))).forEach(document -> {
                Revocation revocation = revocation(document);
                found.computeIfAbsent(revocation.decisionId(), id -> new ArrayList<>()).add(revocation);
            });
        }
        return found;
    }

    @Override
    public List<Revocation> refuseOthersThan(DecisionId id, SchacCode issuer, Instant at) {
        List<Revocation> refused = new ArrayList<>();
        for (Document document : collection.find(and(eq("decisionId", id.value()), ne("issuingInstitution", issuer.value()),
                exists(REFUSED_AT, false)))) {
            // Conditional on not being marked yet: of two deliveries of the issuance, one counts it.
            var result = collection.updateOne(and(eq("_id", document.get("_id")), exists(REFUSED_AT, false)),
                    Updates.set(REFUSED_AT, Documents.date(at)));
            if (result.getModifiedCount() > 0) {
                refused.add(revocation(document));
            }
        }
        return refused;
    }

    static String id(DecisionId decision, SchacCode revokedBy) {
        return decision.value() + "|" + revokedBy.value();
    }

    private static Revocation revocation(Document document) {
        return new Revocation(
                UUID.fromString(document.getString("credentialId")),
                SchacCode.of(document.getString("issuingInstitution")),
                EuropeanStudentIdentifier.of(document.getString("learnerId")),
                SchacCode.of(document.getString("homeInstitution")),
                Documents.instant(document.getDate("revokedAt")),
                document.getString("reason"));
    }
}
