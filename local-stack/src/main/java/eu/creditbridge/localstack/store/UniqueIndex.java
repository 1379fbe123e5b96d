package eu.creditbridge.localstack.store;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A unique index (every collection's {@code _id}, and the services' unique keys) kept as a B-tree of BSON-encoded keys
 * ({@link IndexKeyType}), instead of the library's {@code H2UniqueIndex}. That one keys its map by the library's
 * {@code KeyValue}, which is not {@code Comparable}: H2 then orders keys by their Java serialisation, and every step of
 * every lookup serialised both keys through a fresh {@code ObjectOutputStream}. Profiled during a burst of 10,000
 * credentials that was about a fifth of the store's CPU (lookups), and again as much when the keys were written out.
 *
 * <p>Opened under a map name of its own; the collection builds it from the documents when it is not built yet (a file
 * an older version wrote, or a build a crash interrupted), as it builds a {@link SecondaryIndex}.
 */
public final class UniqueIndex extends AbstractUniqueIndex<Object> {

    private final MVStore store;
    /* [key values...] -> [position] */
    private final MVMap<Object[], Object[]> entries;
    private final BuildMark built;

    public UniqueIndex(String name, List<IndexKey> keys, boolean sparse, MVStore store, String mapName) {
        super(name, keys, sparse);
        this.store = store;
        MVMap.Builder<Object[], Object[]> builder = new MVMap.Builder<Object[], Object[]>()
                .keyType(IndexKeyType.INSTANCE).valueType(IndexKeyType.INSTANCE);
        this.entries = store.openMap(mapName, builder);
        this.built = new BuildMark(store, mapName);
        if (!built.isBuilt()) {
            entries.clear();
        }
    }

    /** Whether the library has added (and checked) every document's key; until then the collection has it built. */
    BuildMark buildMark() {
        return built;
    }

    @Override
    public boolean isEmpty() {
        // The library builds an index it finds empty: this one until it is marked built, as SecondaryIndex.
        return !built.isBuilt();
    }

    @Override
    protected Object removeDocument(KeyValue keyValue) {
        Object[] removed = entries.remove(key(keyValue));
        return removed == null ? null : removed[0];
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
        return entries.putIfAbsent(key(keyValue), new Object[] {position}) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return () -> entries.entrySet().stream()
                .map(entry -> (Map.Entry<KeyValue, Object>) new AbstractMap.SimpleImmutableEntry<>(
                        new KeyValue(entry.getKey()), entry.getValue()[0]))
                .iterator();
    }

    @Override
    protected Object getPosition(KeyValue keyValue) {
        Object[] position = entries.get(key(keyValue));
        return position == null ? null : position[0];
    }

    @Override
    public long getCount() {
        return entries.sizeAsLong();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        store.removeMap(entries);
        built.drop(store);
    }

    /** Takes out every entry whose (single) key {@code answeredElsewhere} says another structure answers. */
    void keysAnsweredElsewhere(java.util.function.Predicate<Object> answeredElsewhere) {
        List<Object[]> elsewhere = entries.keySet().stream().filter(key -> key.length == 1 && answeredElsewhere.test(key[0])).toList();
        elsewhere.forEach(entries::remove);
    }

    private static Object[] key(KeyValue keyValue) {
        return keyValue.stream().toArray();
    }
}
