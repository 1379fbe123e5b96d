package eu.creditbridge.localstack.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A collection's {@code _id} index, answered by the collection's documents map, which is keyed by {@code _id} already.
 * A {@link UniqueIndex} on {@code _id} kept a second B-tree of every id beside that map: one more random-key insert per
 * document, its pages written again at every commit (about 5 % of the store's CPU in a burst, async-profiler).
 *
 * <p>Only string and ObjectId ids are answered by the documents map: their index key is the id itself. Other ids are
 * compared by MongoDB by value (1, 1L and 1.0 are one id; an embedded document's numbers too), while the documents
 * map orders keys by type; those stay in a {@link UniqueIndex} of their own, under the map name the {@code _id} index
 * always had. A file written before keeps that map: its string and ObjectId entries are taken out once, at open.
 */
final class IdIndex extends AbstractUniqueIndex<Object> {

    /* Beside the others' map: set once its plain ids are out, so a file of the previous version is cleaned once. */
    private static final String PLAIN_IDS_OUT = ".plain-ids-out";

    private final MVStore store;
    private final MVMap<Object, Document> documents;
    private final UniqueIndex others;
    private final BuildMark plainIdsOut;

    IdIndex(String name, List<IndexKey> keys, MVStore store, MVMap<Object, Document> documents, String othersMapName) {
        super(name, keys, false);
        this.store = store;
        this.documents = documents;
        this.others = new UniqueIndex(name, keys, false, store, othersMapName);
        this.plainIdsOut = new BuildMark(store, othersMapName + PLAIN_IDS_OUT);
        if (!others.buildMark().isBuilt()) {
            // Nothing kept yet (a new collection, or a build cut short): the ids that need it, from the map's keys alone.
            documents.keySet().stream().filter(id -> !isPlain(id))
                    .forEach(id -> others.putKeyPosition(new KeyValue(id).normalized(), id));
            others.buildMark().markBuilt();
        } else if (!plainIdsOut.isBuilt()) {
            // A file of the previous version holds every id there: leave only what the documents map cannot answer.
            others.keysAnsweredElsewhere(IdIndex::isPlain);
        }
        plainIdsOut.markBuilt();
    }

    /** An id that is its own index key: looked up in the documents map, which is keyed by it. */
    static boolean isPlain(Object id) {
        return id instanceof String || id instanceof ObjectId;
    }

    private static Object id(KeyValue keyValue) {
        return keyValue.get(0);
    }

    @Override
    public boolean isEmpty() {
        // Built in the constructor, from the map's keys: the library must not add every document again (see add).
        return false;
    }

    /*
     * The library puts the document into the documents map before it adds it to the indexes, and AbstractUniqueIndex.add
     * checks for a duplicate first: for a plain id that check would find the document itself. checkAdd, before the
     * document is put, is where its duplicate is refused.
     */
    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        if (!isPlain(document.get("_id"))) {
            super.add(document, position, collection);
        }
    }

    @Override
    protected Object removeDocument(KeyValue keyValue) {
        // For a plain id only its position: the collection takes the document out of its map once every index has named it.
        return isPlain(id(keyValue)) ? getPosition(keyValue) : others.removeDocument(keyValue);
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
        return isPlain(id(keyValue)) || others.putKeyPosition(keyValue, position);
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return () -> Stream.concat(
                documents.keySet().stream().filter(IdIndex::isPlain)
                        .map(id -> (Map.Entry<KeyValue, Object>) new AbstractMap.SimpleImmutableEntry<>(new KeyValue(id), id)),
                StreamSupport.stream(others.getIterable().spliterator(), false))
                .iterator();
    }

    @Override
    protected Object getPosition(KeyValue keyValue) {
        Object id = id(keyValue);
        if (isPlain(id)) {
            return documents.containsKey(id) ? id : null;
        }
        return others.getPosition(keyValue);
    }

    @Override
    public long getCount() {
        return documents.sizeAsLong();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        others.drop();
        plainIdsOut.drop(store);
    }
}
