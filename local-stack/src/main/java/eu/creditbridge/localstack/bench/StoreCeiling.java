package eu.creditbridge.localstack.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.bson.Document;

/**
 * The store's own ceiling on the bench's stack: unordered bulk upserts of documents of about 1.5 KB (a decision's size)
 * through the official driver, 1,000 to a {@code bulkWrite}, into a database of the bench's own that is dropped
 * afterwards. The best the services' writes could do on this store, one document at a time being slower.
 */
final class StoreCeiling {

    static final String DATABASE = "creditbridge-bench";
    private static final int BATCH = 1_000;
    private static final String FILLER = "x".repeat(1_300);

    record Result(long documents, Duration took) {
        double perSecond() {
            return Figures.perSecond(documents, took);
        }
    }

    private StoreCeiling() {
    }

    static Result measure(MongoClient mongo, int documents, Consumer<String> out) {
        MongoCollection<Document> collection = mongo.getDatabase(DATABASE).getCollection("ceiling");
        collection.drop();
        out.accept(String.format("  MongoDB bulk upserts: %,d documents of about 1.5 KB, unordered bulkWrite of %,d ...", documents, BATCH));
        String run = UUID.randomUUID().toString();
        Instant start = Instant.now();
        for (int from = 0; from < documents; from += BATCH) {
            List<WriteModel<Document>> batch = new ArrayList<>(BATCH);
            for (int i = from; i < Math.min(documents, from + BATCH); i++) {
                String id = run + "-" + i;
                batch.add(new ReplaceOneModel<>(Filters.eq("_id", id), document(id, i), new ReplaceOptions().upsert(true)));
            }
            collection.bulkWrite(batch, new BulkWriteOptions().ordered(false));
        }
        Result result = new Result(documents, Duration.between(start, Instant.now()));
        out.accept(String.format("    %s in %s", Figures.rate(result.perSecond()), Figures.seconds(result.took())));
        mongo.getDatabase(DATABASE).drop();
        return result;
    }

    /** About 1.5 KB in BSON: a few fields as a decision has, and a filler for its trace. */
    static Document document(String id, int index) {
        return new Document("_id", id)
                .append("learnerId", "urn:schac:personalUniqueCode:int:esi:eur.nl:bench-" + (index % 5_000))
                .append("receivingInstitution", "eur.nl")
                .append("outcome", "RECOGNISED")
                .append("revision", 1)
                .append("pendingPublication", true)
                .append("decidedAt", new java.util.Date())
                .append("trace", FILLER);
    }
}
