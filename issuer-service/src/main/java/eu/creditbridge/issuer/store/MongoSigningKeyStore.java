package eu.creditbridge.issuer.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import eu.creditbridge.issuer.application.SigningKeyStore;
import eu.creditbridge.issuer.domain.SigningKey;
import eu.creditbridge.issuer.domain.SigningKeyRing;
import eu.creditbridge.kernel.SchacCode;
import java.time.LocalDate;
import java.util.Optional;
import org.bson.Document;

/**
 * Collection {@code signingKeys}: one document per institution ({@code _id} = SCHAC code) holding every key it
 * ever had, with a {@code revision}. The unique {@code _id} makes "first key on first use" safe under concurrency,
 * the revision makes rotation a conditional single-document write. The private JWK is stored here because this is
 * the embedded stack; in production it would stay in an HSM/KMS and only its handle would be kept.
 */
public class MongoSigningKeyStore implements SigningKeyStore {

    public static final String COLLECTION = "signingKeys";

    private final MongoCollection<Document> keys;

    public MongoSigningKeyStore(MongoDatabase database) {
        this.keys = database.getCollection(COLLECTION);
    }

    @Override
    public Optional<Versioned> find(SchacCode institution) {
        Document doc = keys.find(Filters.eq("_id", institution.value())).first();
        if (doc == null) {
            return Optional.empty();
        }
        var ring = new SigningKeyRing(institution, doc.getList("keys", Document.class).stream().map(MongoSigningKeyStore::key).toList());
        return Optional.of(new Versioned(ring, ((Number) doc.get("revision")).longValue()));
    }

    @Override
    public boolean insert(SigningKeyRing ring) {
        try {
            keys.insertOne(document(ring, 1));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean replace(SigningKeyRing ring, long revision) {
        return keys.replaceOne(Filters.and(Filters.eq("_id", ring.institution().value()), Filters.eq("revision", revision)),
                document(ring, revision + 1)).getModifiedCount() == 1;
    }

    private static Document document(SigningKeyRing ring, long revision) {
        return new Document("_id", ring.institution().value())
                .append("revision", revision)
                .append("keys", ring.keys().stream().map(k -> new Document("keyId", k.keyId())
                        .append("algorithm", SigningKey.ALGORITHM)
                        .append("publicJwk", k.publicJwk())
                        .append("privateJwk", k.privateJwk())
                        .append("validFrom", k.validFrom().toString())
                        .append("validUntil", k.validUntil() == null ? null : k.validUntil().toString())
                        .append("state", k.registered() ? "REGISTERED" : "PENDING")).toList());
    }

    private static SigningKey key(Document d) {
        String until = d.getString("validUntil");
        return new SigningKey(d.getString("keyId"), d.getString("publicJwk"), d.getString("privateJwk"),
                LocalDate.parse(d.getString("validFrom")), until == null ? null : LocalDate.parse(until),
                "REGISTERED".equals(d.getString("state")));
    }
}
