package eu.creditbridge.recognition.store;

import eu.creditbridge.recognition.application.DecisionStore;
import eu.creditbridge.recognition.application.review.ReviewStore;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import eu.creditbridge.kernel.DecisionId;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.Outcome;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.domain.review.ActionKind;
import eu.creditbridge.recognition.domain.review.AuditEntry;
import eu.creditbridge.recognition.domain.review.OpenQuestion;
import eu.creditbridge.recognition.domain.review.Registrar;
import eu.creditbridge.recognition.domain.review.ReviewStatus;
import eu.creditbridge.recognition.domain.review.ReviewVerdict;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The {@code decisions} collection seen from registrar review. A registrar action is ONE conditional update of
 * the decision's document — MongoDB here has no multi-document transactions, and one document needs none:
 * <ul>
 *   <li>filter: the revision the registrar acted on, still awaiting a registrar (NEEDS_REVIEW). A concurrent
 *       action, a revocation or a re-evaluation that got there first makes it match nothing;</li>
 *   <li>update: the next revision's fields, {@code $push} of the audit entry ({@code audit} is only ever pushed
 *       to, never set: append-only), the open question set or cleared, the outbox mark
 *       ({@code pendingPublication}) and the follow-up mark ({@code followUpPending}, {@code followUpRevision}).</li>
 * </ul>
 * The follow-up mark is what makes the steps after the write (learner record, publication) repairable: it stays
 * set until they are done, and a relay re-drives what a crash left ({@code CompletingRegistrarActions}).
 */
public class MongoReviewStore implements ReviewStore {

    static final String AUDIT = "audit";
    static final String OPEN_QUESTION = "openQuestion";
    static final String ASKED = "asked";
    static final String FOLLOW_UP_PENDING = "followUpPending";
    static final String FOLLOW_UP_REVISION = "followUpRevision";
    /** Key ids a compromise of which this decision was already looked at for (re-decided, or found in review already). */
    static final String REVIEWED_FOR_KEYS = "reviewedForCompromisedKeys";

    private final MongoCollection<Document> collection;
    private final Supplier<String> currentTraceParent;

    public MongoReviewStore(MongoDatabase database) {
        this(database, () -> null);
    }

    /** @param currentTraceParent the trace context of the registrar's request (or null), kept so the relay's publish continues it */
    public MongoReviewStore(MongoDatabase database, Supplier<String> currentTraceParent) {
        this.currentTraceParent = currentTraceParent;
        this.collection = database.getCollection(MongoDecisionStore.COLLECTION);
        collection.createIndex(Indexes.ascending(FOLLOW_UP_PENDING, "decidedAt"), new IndexOptions().name("follow-up-pending"));
    }

    @Override
    public Optional<ReviewedDecision> find(DecisionId id) {
        return Optional.ofNullable(collection.find(eq("_id", id.value())).first()).map(MongoReviewStore::reviewed);
    }

    @Override
    public Optional<ReviewedDecision> revise(RecognitionDecision current, ReviewVerdict.Revised revised) {
        List<Bson> updates = nextRevision(current, revised);
        updates.add(Updates.set(OPEN_QUESTION, revised.openQuestion().map(MongoReviewStore::document).orElse(null)));
        updates.add(Updates.set(ASKED, revised.openQuestion().isPresent()));
        updates.add(Updates.push(AUDIT, document(revised.entry())));
        var result = collection.updateOne(and(eq("_id", current.id().value()), eq("revision", current.revision()),
                eq("outcome", Outcome.NEEDS_REVIEW.name())), Updates.combine(updates));
        if (result.getModifiedCount() == 0) {
            return Optional.empty();
        }
        return find(current.id());
    }

    @Override
    public List<ReviewedDecision> signedWith(SchacCode issuer, String keyId, LocalDate from, Optional<String> afterId, int limit) {
        keepSigningKeyIds(issuer);
        List<Bson> filters = new ArrayList<>(List.of(
                eq("issuingInstitution", issuer.value()),
                eq(MongoDecisionStore.SIGNING_KEY_ID, keyId),
                gte(MongoDecisionStore.ISSUED_ON, from.toString()), // ISO dates order as their text does
                in("outcome", Outcome.RECOGNISED.name(), Outcome.PARTIALLY_RECOGNISED.name(), Outcome.NEEDS_REVIEW.name()),
                ne(REVIEWED_FOR_KEYS, keyId)));
        afterId.ifPresent(id -> filters.add(gt("_id", id)));
        List<ReviewedDecision> found = new ArrayList<>();
        collection.find(and(filters)).sort(Sorts.ascending("_id")).limit(limit).forEach(document -> found.add(reviewed(document)));
        return found;
    }

    private void keepSigningKeyIds(SchacCode issuer) {
        for (Document document : collection.find(and(eq("issuingInstitution", issuer.value()), exists(MongoDecisionStore.SIGNING_KEY_ID, false),
                exists(CredentialSnapshots.FIELD + ".signature", true)))) {
            CredentialSnapshots.credential(document).ifPresent(credential -> collection.updateOne(eq("_id", document.get("_id")),
                    Updates.combine(Updates.set(MongoDecisionStore.SIGNING_KEY_ID, CredentialSnapshots.signingKeyId(credential).orElse("")),
                            Updates.set(MongoDecisionStore.ISSUED_ON, credential.issuedOn().toString()))));
        }
    }

    @Override
    public Optional<ReviewedDecision> reopen(RecognitionDecision current, ReviewVerdict.Revised revised, String keyId) {
        List<Bson> updates = nextRevision(current, revised);
        updates.add(Updates.push(AUDIT, document(revised.entry())));
        updates.add(Updates.addToSet(REVIEWED_FOR_KEYS, keyId));
        var result = collection.updateOne(and(eq("_id", current.id().value()), eq("revision", current.revision()), ne(REVIEWED_FOR_KEYS, keyId)),
                Updates.combine(updates));
        if (result.getModifiedCount() == 0) {
            return Optional.empty();
        }
        return find(current.id());
    }

    /** The next revision written over the current one, unpublished and awaiting its follow-up (a registrar's act). */
    private List<Bson> nextRevision(RecognitionDecision current, ReviewVerdict.Revised revised) {
        RecognitionDecision next = revised.next();
        if (next.revision() != current.revision() + 1 || !next.id().equals(current.id())) {
            throw new IllegalArgumentException("the next revision of " + current.id() + " is " + (current.revision() + 1));
        }
        Document replacement = MongoDecisionStore.document(next);
        replacement.remove("_id");
        List<Bson> updates = new ArrayList<>();
        replacement.forEach((field, value) -> updates.add(Updates.set(field, value)));
        updates.add(Updates.set("pendingPublication", true));
        updates.add(Updates.set(MongoDecisionStore.TRACE_PARENT, currentTraceParent.get()));
        updates.add(Updates.set(FOLLOW_UP_PENDING, true));
        updates.add(Updates.set(FOLLOW_UP_REVISION, next.revision()));
        return updates;
    }

    @Override
    public void reviewedForKey(DecisionId id, String keyId) {
        collection.updateOne(eq("_id", id.value()), Updates.addToSet(REVIEWED_FOR_KEYS, keyId));
    }

    @Override
    public void followedUp(DecisionId id, int revision) {
        collection.updateOne(and(eq("_id", id.value()), eq(FOLLOW_UP_REVISION, revision)), Updates.set(FOLLOW_UP_PENDING, false));
    }

    @Override
    public List<ReviewedDecision> awaitingFollowUp(Instant decidedBefore, int limit) {
        List<ReviewedDecision> pending = new ArrayList<>();
        collection.find(and(eq(FOLLOW_UP_PENDING, true), lt("decidedAt", Documents.date(decidedBefore)))).limit(limit)
                .forEach(document -> pending.add(reviewed(document)));
        return pending;
    }

    static ReviewedDecision reviewed(Document document) {
        return new ReviewedDecision(MongoDecisionStore.stored(document), CredentialSnapshots.credential(document),
                Optional.ofNullable(document.get(OPEN_QUESTION, Document.class)).map(MongoReviewStore::openQuestion),
                document.getList(AUDIT, Document.class, List.of()).stream().map(MongoReviewStore::auditEntry).toList(),
                document.getBoolean(FOLLOW_UP_PENDING, false), document.getInteger(FOLLOW_UP_REVISION, 0));
    }

    private static Document document(OpenQuestion question) {
        return new Document("question", question.question()).append("askedBy", question.askedBy().username())
                .append("askedAt", Documents.date(question.askedAt()));
    }

    private static OpenQuestion openQuestion(Document stored) {
        return new OpenQuestion(stored.getString("question"), Registrar.of(stored.getString("askedBy")), Documents.instant(stored.getDate("askedAt")));
    }

    private static Document document(AuditEntry entry) {
        return new Document("revision", entry.revision())
                .append("registrar", entry.registrar().username())
                .append("at", Documents.date(entry.at()))
                .append("action", entry.action().name())
                .append("changes", entry.changes().stream()
                        .map(change -> new Document("field", change.field()).append("before", change.before().orElse(null))
                                .append("after", change.after().orElse(null)))
                        .toList())
                .append("why", entry.why().orElse(null));
    }

    private static AuditEntry auditEntry(Document stored) {
        return new AuditEntry(stored.getInteger("revision"), Registrar.of(stored.getString("registrar")), Documents.instant(stored.getDate("at")),
                ActionKind.valueOf(stored.getString("action")),
                stored.getList("changes", Document.class, List.of()).stream()
                        .map(change -> new AuditEntry.Change(change.getString("field"), Optional.ofNullable(change.getString("before")),
                                Optional.ofNullable(change.getString("after"))))
                        .toList(),
                Optional.ofNullable(stored.getString("why")));
    }
}
