package eu.creditbridge.localstack.bench;

import com.mongodb.WriteConcern;
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
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;

/**
 * The store's own ceiling on the bench's stack: unordered bulk upserts of documents of about 1.5 KB (a decision's size
 * when the issue was written) through the official driver, 1,000 to a {@code bulkWrite}, into a database of the bench's
 * own that is dropped afterwards. The best the services' writes could do on this store, one document at a time being
 * slower.
 *
 * <p>The run ends with a journaled write, which the store answers only once everything is committed to its file: without
 * it, 20,000 documents were acknowledged within 1.2 s, before the store's first commit, and the figure left out writing
 * them down.
 *
 * <p>That first ceiling is the yardstick, and a kind one: ids that follow each other land on the same few pages
 * of the B-tree, and the documents are small. {@link #measureShaped} measures it again shaped like the pipeline's own
 * writes: documents of the mean size the burst added, at random ids (the services' ids are UUIDs), into the store as
 * the burst left it.
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
        out.accept(String.format("  MongoDB bulk upserts: %,d documents of about 1.5 KB, unordered bulkWrite of %,d ...", documents, BATCH));
        String run = UUID.randomUUID().toString();
        return measure(mongo, documents, i -> run + "-" + i, FILLER, out);
    }

    /** The same at random ids, the filler sized so that each document is {@code bytes} long in BSON. */
    static Result measureShaped(MongoClient mongo, int documents, int bytes, Consumer<String> out) {
        out.accept(String.format("  MongoDB bulk upserts shaped like the burst's writes: %,d documents of %,d bytes at random ids ...", documents, bytes));
        int fixed = byteSize(document(UUID.randomUUID().toString(), 0, ""));
        return measure(mongo, documents, i -> UUID.randomUUID().toString(), "x".repeat(Math.max(0, bytes - fixed)), out);
    }

    private static Result measure(MongoClient mongo, int documents, IntFunction<String> ids, String filler, Consumer<String> out) {
        MongoCollection<Document> collection = mongo.getDatabase(DATABASE).getCollection("ceiling");
        collection.drop();
        Instant start = Instant.now();
        for (int from = 0; from < documents; from += BATCH) {
            List<WriteModel<Document>> batch = new ArrayList<>(BATCH);
            for (int i = from; i < Math.min(documents, from + BATCH); i++) {
                String id = ids.apply(i);
                batch.add(new ReplaceOneModel<>(Filters.eq("_id", id), document(id, i, filler), new ReplaceOptions().upsert(true)));
            }
            collection.bulkWrite(batch, new BulkWriteOptions().ordered(false));
        }
        // Acknowledged is not yet on disk: the store commits every second, in the background. A journaled write commits
        // before it answers, so the figure includes writing every document to the file, as a burst's does.
        collection.withWriteConcern(WriteConcern.JOURNALED).insertOne(new Document("_id", "committed"));
        Result result = new Result(documents, Duration.between(start, Instant.now()));
        out.accept(String.format("    %s in %s", Figures.rate(result.perSecond()), Figures.seconds(result.took())));
        mongo.getDatabase(DATABASE).drop();
        return result;
    }

    /**
     * The mean BSON size of the documents in {@code added} ({@code database.collection} -> documents the burst added),
     * weighted by how many each collection got; up to {@code sample} documents read per collection. Empty if none.
     */
    static OptionalDouble meanDocumentBytes(MongoClient mongo, Map<String, Long> added, int sample) {
        double bytes = 0;
        long weight = 0;
        for (Map.Entry<String, Long> entry : added.entrySet()) {
            if (entry.getValue() <= 0) {
                continue;
            }
            String[] name = entry.getKey().split("\\.", 2);
            long sampled = 0;
            long sampledBytes = 0;
            for (RawBsonDocument document : mongo.getDatabase(name[0]).getCollection(name[1], RawBsonDocument.class).find().limit(sample)) {
                sampled++;
                sampledBytes += document.getByteBuffer().remaining();
            }
            if (sampled > 0) {
                bytes += (double) sampledBytes / sampled * entry.getValue();
                weight += entry.getValue();
            }
        }
        return weight == 0 ? OptionalDouble.empty() : OptionalDouble.of(bytes / weight);
    }

    /** About 1.5 KB in BSON with the default filler: a few fields as a decision has, and a filler for its trace. */
    static Document document(String id, int index, String filler) {
        return new Document("_id", id)
                .append("learnerId", "urn:schac:personalUniqueCode:int:esi:eur.nl:bench-" + (index % 5_000))
                .append("receivingInstitution", "eur.nl")
                .append("outcome", "RECOGNISED")
                .append("revision", 1)
                .append("pendingPublication", true)
                .append("decidedAt", new java.util.Date())
                .append("trace", filler);
    }

    static int byteSize(Document document) {
        return new RawBsonDocument(document, new DocumentCodec()).getByteBuffer().remaining();
    }
}
