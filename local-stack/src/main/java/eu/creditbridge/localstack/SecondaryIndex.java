package eu.creditbridge.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A non-unique index for mongo-java-server, kept in memory and rebuilt from the data when the server opens the file.
 * The library accepts {@code createIndex} for a non-unique index but ignores it, so every query on such a field — the
 * outbox sweeps ({@code {pendingPublication: true, decidedAt: {$lt: t}}}), the backlog counts, a learner's decisions —
 * scanned and deserialised the whole collection under the collection's lock; at 20,000 decisions that held every
 * writer of the collection up for a second at a time.
 *
 * <p>The index answers a query that pins a leading run of its keys by equality, optionally followed by a range on the
 * next key. It only narrows: the collection still matches every candidate against the whole query, so a candidate too
 * many is harmless, and a document whose key is an array (which equality matches element by element) is always a
 * candidate. Queries of any other shape fall back to the scan, as before.
 */
final class SecondaryIndex extends Index<Object> {

    /* Bounds of a key range; they sort below and above every value. */
    private static final Object LOWEST = new Object();
    private static final Object HIGHEST = new Object();
    private static final Comparator<Object> VALUES = ValueComparator.asc();
    private static final Set<String> RANGE_OPERATORS = Set.of("$gt", "$gte", "$lt", "$lte");

    private final List<String> fields;
    private final NavigableMap<List<Object>, Set<Object>> positionsByKey = new TreeMap<>(SecondaryIndex::compareKeys);
    private final Map<Object, List<Object>> keyByPosition = new HashMap<>();
    /* Documents with an array in a key field: candidates for every query. */
    private final Set<Object> alwaysCandidates = new LinkedHashSet<>();

    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.fields = keys.stream().map(IndexKey::getKey).toList();
    }

    /** How many leading keys {@code query} pins (a range on a key counts as one); 0 when this index cannot narrow it. */
    synchronized int selectivity(Document query) {
        Bounds bounds = bounds(query);
        return bounds == null ? 0 : bounds.keysUsed();
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        return bounds(query) != null;
    }

    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        Bounds bounds = bounds(query);
        if (bounds == null) {
            throw new IllegalArgumentException("index " + getName() + " cannot narrow " + query);
        }
        Set<Object> positions = new LinkedHashSet<>(alwaysCandidates);
        bounds.slice(positionsByKey).values().forEach(positions::addAll);
        return new ArrayList<>(positions);
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        List<Object> key = keyOf(document);
        keyByPosition.put(position, key);
        if (key == null) {
            alwaysCandidates.add(position);
        } else {
            positionsByKey.computeIfAbsent(key, k -> new HashSet<>()).add(position);
        }
    }

    @Override
    public synchronized Object remove(Document document) {
        Object position = Utils.getSubdocumentValue(document, "_id");
        if (!keyByPosition.containsKey(position)) {
            return null;
        }
        forget(position);
        return position;
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
            MongoCollection<Object> collection) {
        forget(position);
        add(newDocument, position, collection);
    }

    private void forget(Object position) {
        List<Object> key = keyByPosition.remove(position);
        if (key == null) {
            alwaysCandidates.remove(position);
            return;
        }
        Set<Object> positions = positionsByKey.get(key);
        if (positions != null) {
            positions.remove(position);
            if (positions.isEmpty()) {
                positionsByKey.remove(key);
            }
        }
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
    public synchronized long getCount() {
        return keyByPosition.size();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public synchronized void drop() {
        positionsByKey.clear();
        keyByPosition.clear();
        alwaysCandidates.clear();
    }

    /** The document's values for the index's fields, missing ones as null; null if one of them is an array. */
    private List<Object> keyOf(Document document) {
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
        return Missing.isNullOrMissing(value) ? null : value;
    }

    /* Lexicographic; where one key is a prefix of the other, a longer one ending in LOWEST sorts before it. */
    private static int compareKeys(List<Object> a, List<Object> b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            int c = compareValues(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        if (a.size() == b.size()) {
            return 0;
        }
        boolean aLonger = a.size() > b.size();
        Object next = aLonger ? a.get(common) : b.get(common);
        int longerFirst = next == LOWEST ? -1 : 1;
        return aLonger ? longerFirst : -longerFirst;
    }

    private static int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == LOWEST || b == HIGHEST) {
            return -1;
        }
        if (a == HIGHEST || b == LOWEST) {
            return 1;
        }
        if (a == null || b == null) {
            return a == null ? -1 : 1;
        }
        return VALUES.compare(a, b);
    }

    /** Equal values on the leading keys, then either nothing or an inclusive range on the next key. */
    private record Bounds(List<Object> equal, Object low, Object high) {

        int keysUsed() {
            return equal.size() + (low == null ? 0 : 1);
        }

        NavigableMap<List<Object>, Set<Object>> slice(NavigableMap<List<Object>, Set<Object>> index) {
            List<Object> from = new ArrayList<>(equal);
            List<Object> to = new ArrayList<>(equal);
            if (low != null) {
                from.add(low);
                to.add(high);
            }
            // Longer keys share the prefix: LOWEST/HIGHEST past it take them all in.
            from.add(LOWEST);
            to.add(HIGHEST);
            return index.subMap(from, true, to, true);
        }
    }
}
