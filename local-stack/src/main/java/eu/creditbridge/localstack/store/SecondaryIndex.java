package eu.creditbridge.localstack.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A non-unique index for mongo-java-server, kept in the store's file beside the data as a B-tree of
 * {@code [values..., position]} keys ({@link IndexKeyType}). The library accepts {@code createIndex} for a non-unique
 * index but ignores it, so every query on such a field — the outbox sweeps
 * ({@code {pendingPublication: true, decidedAt: {$lt: t}}}), the backlog counts, a learner's decisions — scanned the
 * whole collection under its lock. A first version of this class kept the index in memory; rebuilding it read every
 * document back each time the file was opened (twice per index, through Java deserialisation), and a store holding
 * 20,000 credentials did not open within minutes. On disk, opening costs nothing and the index is built once, when it
 * is created (or when a file written before indexes were kept is first opened).
 *
 * <p>The index answers a query that pins a leading run of its keys by equality, optionally followed by a range on the
 * next key. It only narrows: the collection still matches every candidate against the whole query, so a candidate too
 * many is harmless, and a document whose key is an array (which equality matches element by element) is kept apart
 * as a candidate for every query. Queries of any other shape fall back to the scan, as before.
 */
public final class SecondaryIndex extends Index<Object> {

    private static final Object LOWEST = IndexKeyType.LOWEST;
    private static final Object HIGHEST = IndexKeyType.HIGHEST;
    private static final Comparator<Object> VALUES = ValueComparator.asc();
    private static final Set<String> RANGE_OPERATORS = Set.of("$gt", "$gte", "$lt", "$lte");

    private final List<String> fields;
    private final MVStore store;
    /* [values of the fields..., position] for every document whose key holds no array. */
    private final MVMap<Object[], Boolean> entries;
    /* [position] of the documents with an array in a key field: candidates for every query. */
    private final MVMap<Object[], Boolean> arrays;
    private final BuildMark built;

    /**
     * Opens (or creates) the index kept in {@code store} under {@code mapName}. An index whose build was interrupted
     * is emptied, so the collection builds it again.
     */
    public SecondaryIndex(String name, List<IndexKey> keys, boolean sparse, MVStore store, String mapName) {
        super(name, keys, sparse);
        this.fields = keys.stream().map(IndexKey::getKey).toList();
        this.store = store;
        MVMap.Builder<Object[], Boolean> builder = new MVMap.Builder<Object[], Boolean>().keyType(IndexKeyType.INSTANCE);
        this.entries = store.openMap(mapName, builder);
        this.arrays = store.openMap(mapName + ".arrays", builder);
        this.built = new BuildMark(store, mapName);
        if (!built.isBuilt()) {
            entries.clear();
            arrays.clear();
        }
    }

    /** Whether every document of the collection is in the index; until then the collection builds it. */
    BuildMark buildMark() {
        return built;
    }

    @Override
    public boolean isEmpty() {
        // What the library asks before it adds every document: only an index not built yet needs that.
        return !built.isBuilt();
    }

    /** How many leading keys {@code query} pins (a range on a key counts as one); 0 when this index cannot narrow it. */
    int selectivity(Document query) {
        Bounds bounds = bounds(query);
        return bounds == null ? 0 : bounds.keysUsed();
    }

    @Override
    public boolean canHandle(Document query) {
        return bounds(query) != null;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        Bounds bounds = bounds(query);
        if (bounds == null) {
            throw new IllegalArgumentException("index " + getName() + " cannot narrow " + query);
        }
        List<Object> positions = new ArrayList<>();
        arrays.keySet().forEach(key -> positions.add(key[0]));
        Cursor<Object[], Boolean> slice = entries.cursor(bounds.from(), bounds.to(), false);
        while (slice.hasNext()) {
            Object[] key = slice.next();
            positions.add(key[key.length - 1]);
        }
        return positions;
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        Entry entry = entryOf(document, position);
        entry.map().put(entry.key(), Boolean.TRUE);
    }

    @Override
    public Object remove(Document document) {
        Object position = Utils.getSubdocumentValue(document, "_id");
        Entry entry = entryOf(document, position);
        return entry.map().remove(entry.key()) == null ? null : position;
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
            MongoCollection<Object> collection) {
        Entry old = entryOf(oldDocument, position);
        Entry now = entryOf(newDocument, position);
        // Most updates leave the indexed fields alone (a learner record's components, a decision's reasons): then the
        // index is not touched, and its pages are not rewritten at the next commit.
        if (old.map() == now.map() && Arrays.equals(old.key(), now.key(), IndexKeyType::compareValues)) {
            return;
        }
        old.map().remove(old.key());
        now.map().put(now.key(), Boolean.TRUE);
    }

    /* A document's key and the map it lives in: with the others, or apart when a key field holds an array. */
    private record Entry(MVMap<Object[], Boolean> map, Object[] key) {
    }

    private Entry entryOf(Document document, Object position) {
        List<Object> values = values(document);
        if (values == null) {
            return new Entry(arrays, new Object[] {position});
        }
        Object[] key = values.toArray(new Object[values.size() + 1]);
        key[values.size()] = position;
        return new Entry(entries, key);
    }

    @Override
    public Object getPosition(Document document) {
        // Only unique indexes locate a document; the collection asks its _id index.
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // no constraint to check: the index is not unique
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // no constraint to check: the index is not unique
    }

    @Override
    public long getCount() {
        return entries.sizeAsLong() + arrays.sizeAsLong();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void drop() {
        store.removeMap(entries);
        store.removeMap(arrays);
        built.drop(store);
    }

    /** The document's values for the index's fields, missing ones as null; null if one of them is an array. */
    private List<Object> values(Document document) {
        List<Object> key = new ArrayList<>(fields.size());
        for (String field : fields) {
            Object value = Utils.getSubdocumentValueCollectionAware(document, field);
            if (value instanceof Collection<?> || !comparable(value)) {
                return null;
            }
            key.add(normalized(value));
        }
        return key;
    }

    /** Which slice of the index a query selects, or null when the query does not pin the first key. */
    private Bounds bounds(Document query) {
        Map<String, List<Object>> conditions = new HashMap<>();
        collectConditions(query, conditions);
        List<Object> equal = new ArrayList<>();
        for (String field : fields) {
            List<Object> onField = conditions.getOrDefault(field, List.of());
            Object value = onField.stream().map(SecondaryIndex::equalityValue).filter(v -> v != null).findFirst().orElse(null);
            if (value != null) {
                equal.add(normalized(value));
                continue;
            }
            Document range = onField.stream().map(SecondaryIndex::rangeCondition).filter(r -> r != null).findFirst().orElse(null);
            if (range != null) {
                Object low = firstPresent(range, "$gt", "$gte");
                Object high = firstPresent(range, "$lt", "$lte");
                return new Bounds(equal, low == null ? LOWEST : normalized(low), high == null ? HIGHEST : normalized(high));
            }
            break;
        }
        return equal.isEmpty() ? null : new Bounds(equal, null, null);
    }

    /* Top-level fields and the members of top-level $and, which the Java driver's Filters.and sends. */
    private static void collectConditions(Document query, Map<String, List<Object>> conditions) {
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            if (entry.getKey().equals("$and") && entry.getValue() instanceof List<?> members) {
                for (Object member : members) {
                    if (member instanceof Document document) {
                        collectConditions(document, conditions);
                    }
                }
            } else if (!entry.getKey().startsWith("$")) {
                conditions.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(entry.getValue());
            }
        }
    }

    /* {field: v} or {field: {$eq: v}} with v a plain value; null for anything else. */
    private static Object equalityValue(Object condition) {
        if (condition instanceof Document operators) {
            return operators.size() == 1 && operators.containsKey("$eq") && isPlain(operators.get("$eq")) ? operators.get("$eq") : null;
        }
        return isPlain(condition) ? condition : null;
    }

    /* {field: {$gt: a, $lt: b}} with only range operators and plain bounds; null for anything else. */
    private static Document rangeCondition(Object condition) {
        if (condition instanceof Document operators && !operators.isEmpty()
                && RANGE_OPERATORS.containsAll(operators.keySet())
                && operators.values().stream().allMatch(SecondaryIndex::isPlain)) {
            return operators;
        }
        return null;
    }

    /* Not null, no sub-document (an operator or an exact-document match), no array, no regular expression. */
    private static boolean isPlain(Object value) {
        return Missing.isNeitherNullNorMissing(value) && !(value instanceof Map<?, ?>) && !(value instanceof Collection<?>)
                && !(value instanceof BsonRegularExpression) && !(value instanceof Pattern) && comparable(value);
    }

    /* A value of a type the library cannot order (it throws) is left to the scan. */
    private static boolean comparable(Object value) {
        if (Missing.isNullOrMissing(value)) {
            return true;
        }
        try {
            VALUES.compare(value, "");
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    private static Object firstPresent(Document operators, String... names) {
        for (String name : names) {
            if (operators.containsKey(name)) {
                return operators.get(name);
            }
        }
        return null;
    }

    /* MongoDB compares numbers by value whatever their type: 1, 1L and 1.0 are one key. */
    private static Object normalized(Object value) {
        if (value instanceof Number number) {
            double d = number.doubleValue();
            return d == 0.0 ? 0.0 : d;
        }
        if (value instanceof Instant instant) {
            // Stored as BSON, a date keeps milliseconds: so does its key, before and after the file is reopened.
            return Instant.ofEpochMilli(instant.toEpochMilli());
        }
        return Missing.isNullOrMissing(value) ? null : value;
    }

    /** Equal values on the leading keys, then either nothing or an inclusive range on the next key. */
    private record Bounds(List<Object> equal, Object low, Object high) {

        int keysUsed() {
            return equal.size() + (low == null ? 0 : 1);
        }

        /* Longer keys share the prefix: LOWEST/HIGHEST past it take them all in. */
        Object[] from() {
            return bound(low, LOWEST);
        }

        Object[] to() {
            return bound(high, HIGHEST);
        }

        private Object[] bound(Object rangeBound, Object beyond) {
            List<Object> key = new ArrayList<>(equal);
            if (low != null) {
                key.add(rangeBound);
            }
            key.add(beyond);
            return key.toArray();
        }
    }
}
