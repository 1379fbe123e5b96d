package eu.creditbridge.localstack.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, made to use the indexes the services declare, as MongoDB does. The library looks a
 * query up in an index only when the query names exactly a unique index's keys, and scans (deserialising every
 * document, under the collection's lock) otherwise; the services' queries are nearly all of other shapes, so a stream
 * of 20,000 credentials slowed down quadratically and the outbox sweeps stalled every writer. Three changes:
 * <ul>
 *   <li>a query that pins {@code _id} and asks for more ({@code {_id: x, revision: {$lt: 3}}}, or the
 *       {@code {$and: [{_id: x}, ...]}} the Java driver's {@code Filters.and} sends: every conditional write) reads that
 *       one document through the {@code _id} index;</li>
 *   <li>non-unique indexes exist ({@link SecondaryIndex}), and a query uses the one that pins most of its keys;</li>
 *   <li>an aggregation that starts with {@code $match} — which is how the driver's {@code countDocuments} counts — reads
 *       only what that query finds, instead of the whole collection.</li>
 * </ul>
 * Results are the same as the scan's: an index only narrows the candidates, and every candidate is still matched
 * against the whole query. The collection's own lock still covers each read and write, so conditional updates stay
 * atomic.
 */
public class IndexedH2Backend extends H2Backend {

    /* MVStore's default page cache is 16 MB; a cached page saves decoding its documents again. */
    private static final int CACHE_MB = 96;

    /**
     * How often what was written is committed to the file: a {@code kill -9} of the server loses what was acknowledged
     * in the last interval, unless the writer asked for {@code j: true} (then it is committed before the answer). A
     * commit is a write to the file, so it survives a killed process; only a lost machine loses more. This is H2's own
     * default. A 100 ms interval (MongoDB's journal interval) was tried and reverted: under the fault test H2 2.4's
     * pipelined chunk writer panicked and then spun forever in {@code FileStore.saveChunkMetadataChanges}, hanging
     * every write (h2database issues #4338, #4387 describe races of that writer). Committing every write was measured
     * at 38 % fewer single-document inserts per second and a file of 340 MB for 6,000 small documents (local-stack
     * README).
     */
    public static final int COMMIT_INTERVAL_MILLIS = 1_000;

    /*
     * Changes held before a commit is forced ahead of the interval. H2's default, 1 MB, counts whole pages: with
     * documents written at random keys a few dozen dirty pages forced a commit several times a second, each page
     * rewritten again at the next. 32 MB leaves the interval to decide (50,000-credential burst, one run each: the
     * store's CPU 52.6 s -> 46.8 s). It moves nearly every commit to H2's background writer, which is safe only because
     * an update never changes a document in the map (Collection.updating).
     */
    private static final int UNSAVED_KB = 32 * 1024;

    /*
     * Pages split at 4 KB instead of H2's 16 KB. Half of the store's CPU in a burst is H2 serialising the pages a commit
     * changed, and inserts at random keys (an _id, a learner) dirty a page for nearly every entry: a smaller page is less
     * to write again for each. 50,000-credential burst after a 50,000 warm-up, one run each: the store's CPU 66.9 s
     * (16 KB), 58.0 and 56.3 s (4 KB), 55.4 s (2 KB); 858/s, then 971 and 959/s, and 999/s.
     */
    private static final int PAGE_SPLIT_BYTES = 4 * 1024;

    private static final String DATA_PREFIX = "databases.";
    private static final String MIGRATING_PREFIX = "migrating.";
    private static final String SECONDARY_INDEX = "._secondary_";
    private static final String UNIQUE_INDEX = "._unique_";
    private static final MVMap.Builder<Object, Document> DOCUMENTS = new MVMap.Builder<Object, Document>()
            .keyType(DocumentKeyType.INSTANCE).valueType(BsonDocumentType.INSTANCE);

    private final StoreFormat.Migration migration;
    private final OperationCounters operations = new OperationCounters();

    /* The first $match of the aggregation this thread is running: its collection reads only what the match finds. */
    private static final ThreadLocal<AggregationSource> AGGREGATION_SOURCE = new ThreadLocal<>();

    private record AggregationSource(String collection, Document match) {
    }

    /** Opens the file (migrating it once if an older version of this class wrote it) and every database in it. */
    public IndexedH2Backend(String fileName) {
        this(StoreFormat.open(new MVStore.Builder().fileName(fileName).cacheSize(CACHE_MB)
                .autoCommitBufferSize(UNSAVED_KB).pageSplitSize(PAGE_SPLIT_BYTES).open(), DATA_PREFIX, MIGRATING_PREFIX, DOCUMENTS));
    }

    private IndexedH2Backend(StoreFormat.Opened opened) {
        super(opened.store());
        this.migration = opened.migration();
        opened.store().setAutoCommitDelay(COMMIT_INTERVAL_MILLIS);
    }

    /** What opening the file took to migrate; {@link StoreFormat.Migration#NONE} for a file already in this format. */
    public StoreFormat.Migration migration() {
        return migration;
    }

    /** Documents held, over every collection of every database (system collections left out). */
    public long documentCount() {
        MVStore store = getMvStore();
        return store.getMapNames().stream()
                .filter(name -> name.startsWith(DATA_PREFIX) && !name.contains(".system."))
                .mapToLong(name -> store.openMap(name, DOCUMENTS).sizeAsLong())
                .sum();
    }

    /*
     * MongoDB answers `hello` on every database, and Spring Boot's Mongo health indicator asks it on the
     * service's own one; mongo-java-server knows only its older name `isMaster` there. Same answer.
     */
    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        operations.count(command, query);
        Document answer = super.handleCommand(channel, database, helloAsIsMaster(command), query);
        if (asksForJournal(query)) {
            // As MongoDB does for {j: true} (and "majority", which implies it): on disk before it is acknowledged.
            commit();
        }
        return answer;
    }

    /** The library's server status, with the write counters MongoDB keeps under {@code opcounters}. */
    @Override
    public Document getServerStatus() {
        Document status = super.getServerStatus();
        status.put("opcounters", operations.asDocument());
        return status;
    }

    /** A write concern of {@code j: true} or {@code w: "majority"}: the writer wants its write durable once told so. */
    static boolean asksForJournal(Document command) {
        return command.get("writeConcern") instanceof Document concern
                && (Boolean.TRUE.equals(concern.get("j")) || "majority".equals(concern.get("w")));
    }

    public static String helloAsIsMaster(String command) {
        return "hello".equalsIgnoreCase(command) ? "ismaster" : command;
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

    /** The {@code $match} an aggregation pipeline starts with, or null. */
    static Document leadingMatch(Document aggregateCommand) {
        if (aggregateCommand.get("pipeline") instanceof List<?> stages && !stages.isEmpty()
                && stages.get(0) instanceof Document first && first.size() == 1 && first.get("$match") instanceof Document match) {
            return match;
        }
        return null;
    }

    /** Inner, so the backend's store is reachable while H2Database's constructor already opens the collections. */
    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, IndexedH2Backend.this.getMvStore(), IndexedH2Backend.this.getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            // The same map names as H2Database's own, so existing files open unchanged.
            // Documents are stored as BSON (BsonDocumentType), not through H2's Java serialisation.
            String namespace = getFullCollectionNamespace(collectionName);
            MVStore store = IndexedH2Backend.this.getMvStore();
            MVMap<Object, Document> data = store.openMap(DATA_PREFIX + namespace, DOCUMENTS);
            MVMap<String, Object> meta = store.openMap("meta." + namespace);
            return new Collection(this, collectionName, options, data, meta, cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            MVStore store = IndexedH2Backend.this.getMvStore();
            String namespace = getFullCollectionNamespace(collectionName);
            // The library's own map for this index, keyed by Java serialisation: rebuilt from the documents instead.
            String libraryMap = namespace + "._index_" + indexName;
            if (store.hasMap(libraryMap)) {
                store.removeMap(libraryMap);
            }
            if (!sparse && keys.size() == 1 && keys.get(0).getKey().equals("_id")) {
                return new IdIndex(indexName, keys, store, store.openMap(DATA_PREFIX + namespace, DOCUMENTS), namespace + UNIQUE_INDEX + indexName);
            }
            return new UniqueIndex(indexName, keys, sparse, store, namespace + UNIQUE_INDEX + indexName);
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            // Called from H2Database's constructor too, for the indexes the file already lists: nothing here needs a field.
            MVStore store = IndexedH2Backend.this.getMvStore();
            return new SecondaryIndex(indexName, keys, sparse, store, getFullCollectionNamespace(collectionName) + SECONDARY_INDEX + indexName);
        }

        @Override
        public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databaseResolver,
                Oplog oplog) {
            Document match = command.equalsIgnoreCase("aggregate") ? leadingMatch(query) : null;
            if (match == null) {
                return super.handleCommand(channel, command, query, databaseResolver, oplog);
            }
            AGGREGATION_SOURCE.set(new AggregationSource(getFullCollectionNamespace(String.valueOf(query.get(command))), match));
            try {
                return super.handleCommand(channel, command, query, databaseResolver, oplog);
            } finally {
                AGGREGATION_SOURCE.remove();
            }
        }
    }

    private static final class Collection extends H2Collection {

        /*
         * Whether this collection's lock is held by an update. The library changes the document an update reads in
         * place (a deep copy is its old version, for the indexes), and then puts it back. Read from the map, that
         * instance is the one H2's background writer may be serialising at the same moment: the writer failed with a
         * ConcurrentModificationException and H2 closed the store (./creditbridge chaos, 20,000 credentials). An update
         * therefore reads copies, so a document in the map is never changed after it was put there; plain reads,
         * which change nothing, still get the stored instance. Guarded by the collection's monitor, which the
         * library's synchronized methods hold.
         */
        private boolean updating;

        Collection(MongoDatabase database, String collectionName, CollectionOptions options, MVMap<Object, Document> data,
                MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, collectionName, options, data, meta, cursors);
        }

        @Override
        public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters, boolean isMulti,
                boolean isUpsert, Oplog oplog) {
            return updating(() -> super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog));
        }

        @Override
        public synchronized Document findAndModify(Document query) {
            return updating(() -> super.findAndModify(query));
        }

        /* Called with the collection's monitor held (the library's update methods are synchronized). */
        private Document updating(Supplier<Document> update) {
            updating = true;
            try {
                return update.get();
            } finally {
                updating = false;
            }
        }

        @Override
        protected Document getDocument(Object position) {
            Document stored = super.getDocument(position);
            return updating && stored != null ? stored.cloneDeeply() : stored;
        }

        /* The library's full scan hands out the map's instances: for an update, copies (see updating). */
        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int numberToReturn, int batchSize,
                Document fieldSelector) {
            if (!updating) {
                return super.matchDocuments(query, orderBy, numberToSkip, numberToReturn, batchSize, fieldSelector);
            }
            return matchDocumentsFromStream(streamAllDocumentsWithPosition().map(each -> each.getDocument().cloneDeeply()), query, orderBy,
                    numberToSkip, numberToReturn, batchSize, fieldSelector);
        }

        /* At most 16 MiB per reply, as MongoDB answers (see ReplyBatches); a client's own batch size stays. */
        @Override
        protected QueryResult createQueryResult(List<Document> matched, int batchSize) {
            return super.createQueryResult(matched, batchSize > 0 ? batchSize : ReplyBatches.fitting(matched, 0));
        }

        @Override
        protected Cursor createCursor(List<Document> remaining) {
            Cursor cursor = new ReplyBatches.BatchedCursor(cursorRegistry.generateCursorId(), remaining);
            cursorRegistry.add(cursor);
            return cursor;
        }

        /*
         * The library builds a new index by reading every document twice (a check, then the adds); a secondary index
         * has nothing to check, so it is built here in one pass, once: kept in the file, it is not built again when
         * the file is reopened.
         */
        @Override
        public void addIndex(Index<Object> index) {
            if (index instanceof SecondaryIndex secondary && !secondary.buildMark().isBuilt()) {
                streamAllDocumentsWithPosition().forEach(each -> secondary.add(each.getDocument(), each.getPosition(), this));
                secondary.buildMark().markBuilt();
            }
            super.addIndex(index);
            // The library built it (checking uniqueness) if it was not built yet; kept in the file from now on.
            if (index instanceof UniqueIndex unique && !unique.buildMark().isBuilt() && getIndexes().contains(index)) {
                unique.buildMark().markBuilt();
            }
        }

        /*
         * The library keeps each collection's data size (collStats) by encoding every document it writes once more just
         * to count its bytes, and a counter rewritten with each write; nothing here reads it, and that was about a
         * tenth of the store's CPU during a burst.
         */
        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        /*
         * The library's aggregation reads the whole collection and runs its stages over that; when the pipeline starts
         * with a $match, read what that query finds (through the indexes) instead. The $match stage still runs, on
         * fewer documents. Taken once, so a $lookup into another collection in the same pipeline reads as before.
         */
        @Override
        public Stream<Document> queryAllAsStream() {
            AggregationSource source = AGGREGATION_SOURCE.get();
            if (source != null && source.collection().equals(getFullName())) {
                AGGREGATION_SOURCE.remove();
                return handleQueryAsStream(source.match());
            }
            FullScans.record(getFullName(), count(), "an aggregation without a leading $match");
            return super.queryAllAsStream();
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
            for (Index<Object> index : getIndexes()) {
                if (!(index instanceof SecondaryIndex) && index.canHandle(query)) {
                    return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
                }
            }
            SecondaryIndex best = null;
            int bestSelectivity = 0;
            for (Index<Object> index : getIndexes()) {
                if (index instanceof SecondaryIndex secondary) {
                    int selectivity = secondary.selectivity(query);
                    if (selectivity > bestSelectivity) {
                        best = secondary;
                        bestSelectivity = selectivity;
                    }
                }
            }
            if (best != null) {
                return matchDocuments(query, best.getPositions(query), orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            if (!(query.isEmpty() && limit > 0)) {
                FullScans.record(getFullName(), count(), query);
            }
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
    }
}
