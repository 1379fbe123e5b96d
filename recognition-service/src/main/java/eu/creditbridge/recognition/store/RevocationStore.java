package eu.creditbridge.recognition.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import eu.creditbridge.recognition.domain.DecisionId;
import eu.creditbridge.recognition.domain.EuropeanStudentIdentifier;
import eu.creditbridge.recognition.domain.Revocation;
import eu.creditbridge.recognition.domain.SchacCode;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;

/**
 * Collection {@code revocations}: every revocation seen, {@code _id} the decision id. A late or replayed
 * issuance of a revoked credential finds it here and is not recognised.
 */
public class RevocationStore {

    static final String COLLECTION = "revocations";

    private final MongoCollection<Document> collection;

    public RevocationStore(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    /** Records the revocation once; a redelivery finds it there and changes nothing. */
    public void record(Revocation revocation) {
        try {
            collection.insertOne(new Document("_id", revocation.decisionId().value())
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

    public Optional<Revocation> find(DecisionId id) {
        return Optional.ofNullable(collection.find(eq("_id", id.value())).first()).map(document -> new Revocation(
                UUID.fromString(document.getString("credentialId")),
                SchacCode.of(document.getString("issuingInstitution")),
                EuropeanStudentIdentifier.of(document.getString("learnerId")),
                SchacCode.of(document.getString("homeInstitution")),
                Documents.instant(document.getDate("revokedAt")),
                document.getString("reason")));
    }
}
