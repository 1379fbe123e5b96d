package eu.creditbridge.localstack.store;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Whether an index kept in the file holds every document of its collection: set once the collection has built it, so
 * an index whose build was cut short (or a file an older version wrote) is built again on the next open, and one that
 * is built is never read back to be rebuilt.
 */
final class BuildMark {

    private static final String BUILT = "built";
    private final MVMap<String, Long> state;

    /** The mark of the index kept under {@code mapName}, in a small map of its own beside it. */
    BuildMark(MVStore store, String mapName) {
        this.state = store.openMap(mapName + ".state");
    }

    boolean isBuilt() {
        return state.containsKey(BUILT);
    }

    void markBuilt() {
        state.put(BUILT, System.currentTimeMillis());
    }

    void drop(MVStore store) {
        store.removeMap(state);
    }
}
