package eu.creditbridge.issuer.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import eu.creditbridge.issuer.application.CredentialStore;
import eu.creditbridge.issuer.domain.CredentialId;
import eu.creditbridge.issuer.domain.CredentialStatus;
import eu.creditbridge.issuer.domain.IssuedCredential;
import eu.creditbridge.issuer.domain.OutboxEntry;
import eu.creditbridge.issuer.domain.Revocation;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.bson.Document;

/**
 * Credentials in MongoDB, one document each, holding the credential, its status and its outbox.
 * Every change is a single-document update with a condition, the only atomicity this store needs.
 */
public class MongoCredentialStore implements CredentialStore {

    public static final String COLLECTION = "credentials";

    private final MongoCollection<Document> credentials;
    private final Supplier<String> currentTraceParent;

    public MongoCredentialStore(MongoDatabase database) {
        this(database, () -> null);
    }

    /**
     * @param currentTraceParent the trace context of the work in progress (W3C traceparent, or null), kept with
     *                           each event recorded, so the relay that publishes it later continues that trace
     */
    public MongoCredentialStore(MongoDatabase database, Supplier<String> currentTraceParent) {
        this.currentTraceParent = currentTraceParent;
        this.credentials = database.getCollection(COLLECTION);
        credentials.createIndex(Indexes.compoundIndex(Indexes.ascending(CredentialDocuments.LEARNER_ID),
                Indexes.descending(CredentialDocuments.RECORDED_AT)), new IndexOptions().name("learner"));
        credentials.createIndex(Indexes.ascending(CredentialDocuments.UNPUBLISHED), new IndexOptions().name("outbox"));
    }

    @Override
    public boolean insert(IssuedCredential credential) {
        try {
            credentials.insertOne(document(credential));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Set<Integer> insertAll(List<IssuedCredential> batch) {
        if (batch.isEmpty()) {
            return Set.of();
        }
        List<Document> documents = batch.stream().map(this::document).toList();
        try {
            credentials.insertMany(documents, new InsertManyOptions().ordered(false));
            return Set.of();
        } catch (MongoBulkWriteException e) {
            Set<Integer> existing = new HashSet<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                existing.add(error.getIndex());
            }
            return existing;
        }
    }

    @Override
    public Map<CredentialId, IssuedCredential> findAll(Collection<CredentialId> ids) {
        Map<CredentialId, IssuedCredential> found = new HashMap<>();
        if (!ids.isEmpty()) {
            credentials.find(byIds(ids))
                    .map(CredentialDocuments::fromDocument)
                    .forEach(credential -> found.put(credential.credential().id(), credential));
        }
        return found;
    }

    @Override
    public Optional<IssuedCredential> find(CredentialId id) {
        return Optional.ofNullable(credentials.find(byId(id)).first()).map(CredentialDocuments::fromDocument);
    }

    @Override
    public boolean exists(CredentialId id) {
        return credentials.find(byId(id)).projection(Projections.include("_id")).first() != null;
    }

    @Override
    public Set<CredentialId> existing(Collection<CredentialId> ids) {
        Set<CredentialId> found = new HashSet<>();
        if (!ids.isEmpty()) {
            credentials.find(byIds(ids)).projection(Projections.include(CredentialDocuments.ID))
                    .forEach(doc -> found.add(CredentialId.of(doc.getString(CredentialDocuments.ID))));
        }
        return found;
    }

    @Override
    public List<IssuedCredential> findByLearner(EuropeanStudentIdentifier learner, Optional<SchacCode> issuer, int page,
                                                int size) {
        // A learner has a handful of credentials: the "learner" index finds them, the issuer is checked among those.
        var filter = issuer.map(schac -> and(eq(CredentialDocuments.LEARNER_ID, learner.value()),
                        eq(CredentialDocuments.ISSUING_INSTITUTION, schac.value())))
                .orElse(eq(CredentialDocuments.LEARNER_ID, learner.value()));
        return credentials.find(filter)
                .sort(Sorts.descending(CredentialDocuments.RECORDED_AT))
                .skip(page * size)
                .limit(size)
                .map(CredentialDocuments::fromDocument)
                .into(new ArrayList<>());
    }

    @Override
    public boolean recordRevocation(CredentialId id, Revocation revocation, OutboxEntry event) {
        var result = credentials.updateOne(
                and(byId(id), eq(CredentialDocuments.STATUS, CredentialStatus.ISSUED.name())),
                combine(set(CredentialDocuments.STATUS, CredentialStatus.REVOKED.name()),
                        set(CredentialDocuments.REVOCATION, CredentialDocuments.revocation(revocation)),
                        push(CredentialDocuments.EVENTS, traced(CredentialDocuments.event(event))),
                        inc(CredentialDocuments.UNPUBLISHED, 1)));
        return result.getModifiedCount() == 1;
    }

    /** Credentials with at least one event not yet published: the outbox backlog (counted on the "outbox" index). */
    public long countWithUnpublishedEvents() {
        return credentials.countDocuments(gt(CredentialDocuments.UNPUBLISHED, 0));
    }

    private Document document(IssuedCredential credential) {
        var document = CredentialDocuments.toDocument(credential);
        document.getList(CredentialDocuments.EVENTS, Document.class).forEach(this::traced);
        return document;
    }

    /** An event as recorded now keeps the trace it was recorded in, unless it knows its own already. */
    private Document traced(Document event) {
        if (event.get(CredentialDocuments.TRACE_PARENT) == null) {
            event.put(CredentialDocuments.TRACE_PARENT, currentTraceParent.get());
        }
        return event;
    }

    @Override
    public List<CredentialId> withUnpublishedEvents(int limit) {
        return credentials.find(gt(CredentialDocuments.UNPUBLISHED, 0))
                .sort(Sorts.ascending(CredentialDocuments.RECORDED_AT))
                .limit(limit)
                .map(doc -> CredentialId.of(doc.getString(CredentialDocuments.ID)))
                .into(new ArrayList<>());
    }

    @Override
    public Optional<IssuedCredential> leaseForPublishing(CredentialId id, UUID leaseToken, Instant now, Instant leaseUntil) {
        String until = CredentialDocuments.LEASE + ".until";
        var leased = credentials.findOneAndUpdate(
                and(byId(id), or(eq(CredentialDocuments.LEASE, null), lt(until, Date.from(now)))),
                set(CredentialDocuments.LEASE, new Document("token", leaseToken.toString()).append("until", Date.from(leaseUntil))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(leased).map(CredentialDocuments::fromDocument);
    }

    @Override
    public void markPublished(CredentialId id, int position, UUID eventId, Instant publishedAt) {
        String event = CredentialDocuments.EVENTS + "." + position;
        // Conditional on the event still being unpublished, so the counter drops once per event.
        credentials.updateOne(
                and(byId(id), eq(event + ".eventId", eventId.toString()), eq(event + ".publishedAt", null)),
                combine(set(event + ".publishedAt", Date.from(publishedAt)), inc(CredentialDocuments.UNPUBLISHED, -1)));
    }

    @Override
    public void releaseLease(CredentialId id, UUID leaseToken) {
        credentials.updateOne(and(byId(id), eq(CredentialDocuments.LEASE + ".token", leaseToken.toString())),
                unset(CredentialDocuments.LEASE));
    }

    private static org.bson.conversions.Bson byIds(Collection<CredentialId> ids) {
        return in(CredentialDocuments.ID, ids.stream().map(CredentialId::toString).distinct().toList());
    }

    private static org.bson.conversions.Bson byId(CredentialId id) {
        return eq(CredentialDocuments.ID, id.toString());
    }
}
