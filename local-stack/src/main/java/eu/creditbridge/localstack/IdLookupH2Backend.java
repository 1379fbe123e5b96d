package eu.creditbridge.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with one change: a query that pins {@code _id} to one value and also asks for more
 * ({@code {_id: x, revision: {$lt: 3}}}, or the {@code {$and: [{_id: x}, ...]}} the Java driver's {@code Filters.and}
 * sends) reads that one document through the {@code _id} index and matches the rest on it. The library uses an index
 * only for a query on the index's keys alone and scans the whole collection otherwise — and the services' conditional
 * writes (a decision kept only if its revision is newer, a component added unless it is there, an outbox lease) are all
 * of that shape, so every write cost a scan and a stream of 20,000 credentials slowed down quadratically.
 *
 * <p>The result is the same as the scan's (only a document with that {@code _id} can match) and the collection's own
 * lock still covers the read and the write, so conditional updates stay atomic.
 */
class IdLookupH2Backend extends H2Backend {

    IdLookupH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /** The {@code _id} value a query pins, directly or in a top-level {@code $and}; null when it pins none. */
    static Object pinnedId(Document query) {
        Object direct = query.get("_id");
        if (direct != null) {
            return isPlainValue(direct) ? direct : null;
        }
        if (query.get("$and") instanceof List<?> conditions) {
            for (Object condition : conditions) {
                if (condition instanceof Document document && document.get("_id") != null && isPlainValue(document.get("_id"))) {
                    return document.get("_id");
                }
            }
        }
        return null;
    }

    /* An operator ({$in: [...]}, {$gt: ...}) or an embedded document does not pin one value through equality. */
    private static boolean isPlainValue(Object value) {
        return !(value instanceof Map<?, ?>) && !(value instanceof List<?>);
    }

    /** Inner, so the backend's store is reachable while H2Database's constructor already opens the collections. */
    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, IdLookupH2Backend.this.getMvStore(), IdLookupH2Backend.this.getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            // The same map names as H2Database's own, so existing files open unchanged.
            String namespace = getFullCollectionNamespace(collectionName);
            MVStore store = IdLookupH2Backend.this.getMvStore();
            MVMap<Object, Document> data = store.openMap("databases." + namespace);
            MVMap<String, Object> meta = store.openMap("meta." + namespace);
            return new Collection(this, collectionName, options, data, meta, cursorRegistry);
        }
    }

    private static final class Collection extends H2Collection {

        Collection(MongoDatabase database, String collectionName, CollectionOptions options, MVMap<Object, Document> data,
                MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, collectionName, options, data, meta, cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                Document fieldSelector) {
            Object id = pinnedId(query);
            // {_id: x} alone is the library's own index path already.
            if (id != null && !(query.size() == 1 && query.containsKey("_id"))) {
                Document byId = new Document("_id", id);
                for (Index<Object> index : getIndexes()) {
                    if (index.canHandle(byId)) {
                        return matchDocuments(query, index.getPositions(byId), orderBy, numberToSkip, limit, batchSize, fieldSelector);
                    }
                }
            }
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
    }
}
