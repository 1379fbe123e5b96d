package eu.creditbridge.recognition.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import eu.creditbridge.recognition.application.LeaseStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;

/**
 * Collection {@code leases}: one document per job, {@code _id} the job's name, with its {@code holder} and
 * {@code expiresAt}. Every change is one conditional single-document write, which is all the store guarantees atomic
 * (no transactions), and all a lease needs:
 * <ul>
 *   <li>renew: {@code holder} is the caller (whatever the expiry: if nobody took it meanwhile, it is still ours);</li>
 *   <li>take over: {@code holder} is another and {@code expiresAt} has passed; two takers race on the same document and
 *       the store applies one, the other matches nothing;</li>
 *   <li>first take: {@code holder} is still empty (the document is inserted unheld once, the unique {@code _id}
 *       letting one insert win).</li>
 * </ul>
 * The clock is the instance's own: holders on different machines must agree on time to well within a term, which NTP
 * gives; the term (30 s by default) is chosen far above any skew.
 */
public class MongoLeaseStore implements LeaseStore {

    static final String COLLECTION = "leases";

    private final MongoCollection<Document> collection;
    private final Clock clock;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public MongoLeaseStore(MongoDatabase database, Clock clock) {
        this.collection = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    @Override
    public boolean hold(String job, String holder, Duration term) {
        ensureExists(job);
        Instant now = clock.instant();
        Date until = Documents.date(now.plus(term));
        if (collection.updateOne(and(eq("_id", job), eq("holder", holder)), Updates.set("expiresAt", until)).getMatchedCount() == 1) {
            return true;
        }
        if (collection.updateOne(and(eq("_id", job), eq("holder", null)),
                Updates.combine(Updates.set("holder", holder), Updates.set("expiresAt", until))).getMatchedCount() == 1) {
            return true;
        }
        return collection.updateOne(and(eq("_id", job), ne("holder", holder), ne("holder", null), lte("expiresAt", Documents.date(now))),
                Updates.combine(Updates.set("holder", holder), Updates.set("expiresAt", until), Updates.inc("takeovers", 1L)))
                .getMatchedCount() == 1;
    }

    /**
     * The job's document, unheld, inserted once per job and instance (whoever inserts it first, the others' inserts
     * collide on {@code _id}); from then on every take, renewal and takeover is an update, so instances that do not hold
     * a job try it with updates that match nothing, not with inserts that fail.
     */
    private void ensureExists(String job) {
        if (known.contains(job)) {
            return;
        }
        try {
            collection.insertOne(new Document("_id", job).append("holder", null).append("expiresAt", new Date(0)).append("takeovers", 0L));
        } catch (MongoException e) {
            if (!Documents.isDuplicateKey(e)) {
                throw e;
            }
        }
        known.add(job);
    }

    @Override
    public void release(String job, String holder) {
        collection.updateOne(and(eq("_id", job), eq("holder", holder)), Updates.set("expiresAt", Documents.date(clock.instant())));
    }

    @Override
    public Optional<Lease> find(String job) {
        return Optional.ofNullable(collection.find(and(eq("_id", job), ne("holder", null))).first()).map(document -> new Lease(document.getString("_id"),
                document.getString("holder"), document.getDate("expiresAt").toInstant(),
                ((Number) document.get("takeovers", 0L)).longValue()));
    }
}
