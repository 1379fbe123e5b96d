package eu.creditbridge.localstack.store;

import de.bwaldvogel.mongo.bson.Document;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Which encoding the store's file holds, and the one-time move from the old one. Files written before documents were
 * kept as BSON hold them Java-serialised (H2's default value type); the first open copies each collection into a map
 * of the new type and swaps it in. Each swap (old map removed, new one renamed into its place) is recoverable: a copy
 * left half done is made again, and a copy already swapped in but not yet renamed is renamed. The file records its
 * format only when every collection is moved, so an interrupted migration simply runs again.
 */
public final class StoreFormat {

    static final String FORMAT_MAP = "creditbridge.format";
    static final String DOCUMENTS_KEY = "documents";
    static final String BSON = "bson-1";

    /** What the first open of an older file did: the collections moved, their documents, and how long it took. */
    public record Migration(int collections, long documents, Duration took) {
        public static final Migration NONE = new Migration(0, 0, Duration.ZERO);

        public boolean happened() {
            return collections > 0;
        }
    }

    record Opened(MVStore store, Migration migration) {
    }

    private StoreFormat() {
    }

    static Opened open(MVStore store, String dataPrefix, String migratingPrefix, MVMap.Builder<Object, Document> documents) {
        MVMap<String, String> format = store.openMap(FORMAT_MAP);
        if (BSON.equals(format.get(DOCUMENTS_KEY))) {
            return new Opened(store, Migration.NONE);
        }
        long started = System.nanoTime();
        int collections = 0;
        long moved = 0;
        for (String copyName : names(store, migratingPrefix)) {
            String name = copyName.substring(migratingPrefix.length());
            if (!store.hasMap(name)) {
                // Swapped in, not yet renamed, when the last attempt stopped.
                store.renameMap(store.openMap(copyName, documents), name);
            }
        }
        for (String name : names(store, dataPrefix)) {
            MVMap<Object, Object> old = store.openMap(name);
            MVMap<Object, Document> copy = store.openMap(migratingPrefix + name, documents);
            copy.clear();
            for (Map.Entry<Object, Object> entry : old.entrySet()) {
                copy.put(entry.getKey(), (Document) entry.getValue());
            }
            moved += copy.sizeAsLong();
            collections++;
            store.removeMap(old);
            store.renameMap(copy, name);
            store.commit();
        }
        for (String leftOver : names(store, migratingPrefix)) {
            store.removeMap(leftOver);
        }
        format.put(DOCUMENTS_KEY, BSON);
        store.commit();
        return new Opened(store, collections == 0 ? Migration.NONE
                : new Migration(collections, moved, Duration.ofNanos(System.nanoTime() - started)));
    }

    private static List<String> names(MVStore store, String prefix) {
        return store.getMapNames().stream().filter(name -> name.startsWith(prefix)).sorted().toList();
    }
}
