package eu.creditbridge.recognition.store;

import eu.creditbridge.recognition.application.StoredDecision;
import eu.creditbridge.recognition.application.DecisionStore;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.MongoException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import eu.creditbridge.kernel.DecisionId;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.DecidedBy;
import eu.creditbridge.recognition.domain.Decision;
import eu.creditbridge.recognition.domain.DecisionReason;
import eu.creditbridge.recognition.domain.Outcome;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.domain.Revocation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Collection {@code decisions}: one document per (credential, receiving institution), {@code _id}
 * {@code <credentialId>@<schac>}, holding the current revision, its full trace, and the outbox mark
 * ({@code publishedRevision}, and {@code pendingPublication} so the relay finds work by an index).
 */
public class MongoDecisionStore implements DecisionStore {

    static final String COLLECTION = "decisions";
    /** The W3C traceparent of the work that stored the current revision (see {@link StoredDecision#traceParent()}). */
    static final String TRACE_PARENT = "traceParent";
    /** The {@code kid} the credential's signature names, beside its issue date: what a compromised key is looked up by. */
    static final String SIGNING_KEY_ID = "signingKeyId";
    static final String ISSUED_ON = "issuedOn";

    private final MongoCollection<Document> collection;
    private final Supplier<String> currentTraceParent;

    public MongoDecisionStore(MongoDatabase database) {
        this(database, () -> null);
    }

    /** @param currentTraceParent the trace context of the work in progress (or null), kept with what it stores */
    public MongoDecisionStore(MongoDatabase database, Supplier<String> currentTraceParent) {
        this.currentTraceParent = currentTraceParent;
        this.collection = database.getCollection(COLLECTION);
        collection.createIndex(Indexes.ascending("pendingPublication", "decidedAt"));
        collection.createIndex(Indexes.ascending("receivingInstitution", "learnerId"), new IndexOptions().name("by-learner"));
        collection.createIndex(Indexes.ascending("issuingInstitution", SIGNING_KEY_ID, ISSUED_ON), new IndexOptions().name("by-signing-key"));
    }

    @Override
    public Optional<StoredDecision> find(DecisionId id) {
        return Optional.ofNullable(collection.find(eq("_id", id.value())).first()).map(MongoDecisionStore::stored);
    }

    @Override
    public Map<DecisionId, StoredDecision> findAll(Collection<DecisionId> ids) {
        Map<DecisionId, StoredDecision> found = new HashMap<>();
        if (!ids.isEmpty()) {
            collection.find(in("_id", ids.stream().map(DecisionId::value).distinct().toList()))
                    .forEach(document -> {
                        StoredDecision stored = stored(document);
                        found.put(stored.decision().id(), stored);
                    });
        }
        return found;
    }

    @Override
    public List<StoredDecision> insertAllOrLoad(List<NewDecision> decisions) {
        if (decisions.isEmpty()) {
            return List.of();
        }
        List<Document> documents = decisions.stream()
                .map(fresh -> withCredential(document(fresh.decision()), fresh.credential())
                        .append("publishedRevision", fresh.decision().revision()).append("pendingPublication", false)
                        .append(TRACE_PARENT, fresh.traceParent()))
                .toList();
        Set<Integer> taken = Documents.duplicatesIn(() -> collection.insertMany(documents, new InsertManyOptions().ordered(false)));
        Map<DecisionId, StoredDecision> storedFirst = taken.isEmpty() ? Map.of()
                : findAll(taken.stream().map(index -> decisions.get(index).decision().id()).toList());
        List<StoredDecision> stored = new ArrayList<>(decisions.size());
        for (int i = 0; i < decisions.size(); i++) {
            NewDecision fresh = decisions.get(i);
            stored.add(taken.contains(i) ? storedFirst.get(fresh.decision().id())
                    : new StoredDecision(fresh.decision(), fresh.decision().revision(), fresh.traceParent()));
        }
        return stored;
    }

    @Override
    public StoredDecision insertOrLoad(RecognitionDecision decision) {
        return insert(decision, document(decision));
    }

    @Override
    public StoredDecision insertOrLoad(RecognitionDecision decision, Credential credential) {
        return insert(decision, withCredential(document(decision), credential));
    }

    /** The credential decided on, and what a compromised key is looked up by. */
    private static Document withCredential(Document document, Credential credential) {
        return document.append(CredentialSnapshots.FIELD, CredentialSnapshots.document(credential))
                .append(SIGNING_KEY_ID, CredentialSnapshots.signingKeyId(credential).orElse(null))
                .append(ISSUED_ON, credential.issuedOn().toString());
    }

    private StoredDecision insert(RecognitionDecision decision, Document document) {
        try {
            String traceParent = currentTraceParent.get();
            collection.insertOne(document.append("publishedRevision", 0).append("pendingPublication", true)
                    .append(TRACE_PARENT, traceParent));
            return new StoredDecision(decision, 0, traceParent);
        } catch (MongoException e) {
            if (!Documents.isDuplicateKey(e)) {
                throw e;
            }
            return find(decision.id()).orElseThrow(() -> e);
        }
    }

    @Override
    public StoredDecision withdraw(RecognitionDecision current, Revocation revocation, Instant at) {
        RecognitionDecision next = current.withdrawn(revocation, at);
        Document replacement = document(next).append("pendingPublication", true).append(TRACE_PARENT, currentTraceParent.get());
        replacement.remove("_id");
        List<Bson> sets = new ArrayList<>();
        replacement.forEach((field, value) -> sets.add(Updates.set(field, value)));
        var result = collection.updateOne(and(eq("_id", current.id().value()), eq("revision", current.revision()),
                ne("outcome", Outcome.WITHDRAWN.name())), Updates.combine(sets));
        StoredDecision stored = find(current.id()).orElseThrow();
        if (result.getModifiedCount() == 0 && !stored.decision().isWithdrawn()) {
            // A registrar's revision slipped in between (not built yet, but possible by design): withdraw that one.
            return withdraw(stored.decision(), revocation, at);
        }
        return stored;
    }

    @Override
    public void markPublished(DecisionId id, int revision) {
        collection.updateOne(publishedFilter(id, revision), PUBLISHED.apply(revision));
    }

    @Override
    public void markAllPublished(List<RecognitionDecision> published) {
        if (!published.isEmpty()) {
            collection.bulkWrite(published.stream()
                    .map(decision -> new UpdateOneModel<Document>(publishedFilter(decision.id(), decision.revision()),
                            PUBLISHED.apply(decision.revision())))
                    .toList(), new BulkWriteOptions().ordered(false));
        }
    }

    private static final java.util.function.IntFunction<Bson> PUBLISHED = revision ->
            Updates.combine(Updates.set("publishedRevision", revision), Updates.set("pendingPublication", false));

    /** Only this revision, and only if not marked yet: a newer revision written meanwhile stays pending. */
    private static Bson publishedFilter(DecisionId id, int revision) {
        return and(eq("_id", id.value()), eq("revision", revision), lt("publishedRevision", revision));
    }

    @Override
    public long countPendingPublication() {
        return collection.countDocuments(eq("pendingPublication", true));
    }

    @Override
    public List<StoredDecision> pendingPublication(Instant decidedBefore, int limit) {
        List<StoredDecision> pending = new ArrayList<>();
        collection.find(and(eq("pendingPublication", true), lt("decidedAt", Documents.date(decidedBefore))))
                .limit(limit).forEach(document -> pending.add(stored(document)));
        return pending;
    }

    static Document document(RecognitionDecision decision) {
        Decision concluded = decision.decision();
        Document document = new Document("_id", decision.id().value())
                .append("credentialId", decision.id().credentialId().toString())
                .append("receivingInstitution", decision.id().receivingInstitution().value())
                .append("learnerId", decision.learner().value())
                .append("issuingInstitution", decision.issuingInstitution().value())
                .append("credentialTitle", decision.credentialTitle())
                .append("revision", decision.revision())
                .append("outcome", concluded.outcome().name())
                .append("originalCredits", Documents.credits(decision.originalCredits()))
                .append("recognisedCredits", Documents.credits(concluded.recognisedCredits()))
                .append("target", concluded.target().map(Documents::target).orElse(null));
        Documents.withGrade(document, concluded.grade());
        return document
                .append("reasons", concluded.reasons().stream()
                        .map(reason -> new Document("step", reason.step()).append("decisive", reason.decisive())
                                .append("explanation", reason.explanation()))
                        .toList())
                .append("rulesetVersion", concluded.rulesetVersion().orElse(null))
                .append("decidedBy", decision.decidedBy().name())
                .append("registrar", decision.registrar().orElse(null))
                .append("decidedAt", Documents.date(decision.decidedAt()));
    }

    static StoredDecision stored(Document document) {
        List<DecisionReason> reasons = document.getList("reasons", Document.class).stream()
                .map(reason -> new DecisionReason(reason.getString("step"), reason.getBoolean("decisive", false), reason.getString("explanation")))
                .toList();
        Decision concluded = new Decision(
                Outcome.valueOf(document.getString("outcome")),
                Documents.credits(document.get("recognisedCredits")),
                Optional.ofNullable(document.get("target", Document.class)).map(Documents::target),
                Documents.gradeConversion(document),
                reasons,
                Optional.ofNullable(document.getInteger("rulesetVersion")));
        RecognitionDecision decision = new RecognitionDecision(
                new DecisionId(UUID.fromString(document.getString("credentialId")), SchacCode.of(document.getString("receivingInstitution"))),
                document.getInteger("revision"),
                EuropeanStudentIdentifier.of(document.getString("learnerId")),
                SchacCode.of(document.getString("issuingInstitution")),
                document.getString("credentialTitle"),
                Documents.credits(document.get("originalCredits")),
                concluded,
                DecidedBy.valueOf(document.getString("decidedBy")),
                Optional.ofNullable(document.getString("registrar")),
                Documents.instant(document.getDate("decidedAt")));
        return new StoredDecision(decision, document.getInteger("publishedRevision", 0), document.getString(TRACE_PARENT));
    }
}
