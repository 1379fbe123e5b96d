package eu.creditbridge.localstack.store;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queries no index narrows, on collections big enough for it to matter: counted per collection and logged once per
 * query shape (values left out), so that a sweep or a gauge that reads a whole collection shows in the MongoDB log
 * ({@code ./creditbridge logs mongo}) the first time it runs, not as a slow store months later.
 */
public final class FullScans {

    /* Below this a scan costs less than the log line. */
    static final int WORTH_REPORTING = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(FullScans.class);
    private static final Map<String, LongAdder> BY_COLLECTION = new ConcurrentHashMap<>();
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private FullScans() {
    }

    static void record(String collection, int documents, Object query) {
        if (documents < WORTH_REPORTING) {
            return;
        }
        BY_COLLECTION.computeIfAbsent(collection, c -> new LongAdder()).increment();
        String shape = shapeOf(query);
        if (REPORTED.add(collection + " " + shape)) {
            LOG.warn("Full scan of {} ({} documents) for {}: no index narrows this query", collection, documents, shape);
        }
    }

    /** Full scans of {@code collection} (database.collection) in this process so far. */
    public static long of(String collection) {
        LongAdder count = BY_COLLECTION.get(collection);
        return count == null ? 0 : count.sum();
    }

    /** The query with every value replaced by {@code ?}: what the log shows, one line per shape. */
    static String shapeOf(Object query) {
        if (query instanceof Document document) {
            StringBuilder shape = new StringBuilder("{");
            document.forEach((key, value) -> shape.append(shape.length() > 1 ? ", " : "").append(key).append(": ")
                    .append(key.startsWith("$") || value instanceof Document ? shapeOf(value) : "?"));
            return shape.append('}').toString();
        }
        if (query instanceof List<?> list) {
            return list.stream().map(FullScans::shapeOf).toList().toString();
        }
        return query instanceof String text ? text : "?";
    }
}
