package eu.creditbridge.issuer.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import eu.creditbridge.issuer.application.DecisionStore;
import eu.creditbridge.issuer.domain.CredentialId;
import eu.creditbridge.issuer.domain.RecognitionDecision;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * Recognition decisions in MongoDB, one document per (credential, receiving institution), holding the
 * highest revision received. The revision is part of the write's condition, so a redelivered or
 * late message can never replace a newer revision, whatever order messages arrive in.
 */
public class MongoDecisionStore implements DecisionStore {

    public static final String COLLECTION = "decisions";

    private final MongoCollection<Document> decisions;
    private final InstantSource clock;

    public MongoDecisionStore(MongoDatabase database) {
        this(database, Clock.systemUTC());
    }

    /** @param clock stamps {@code receivedAt}, the order an institution's decisions are read back in */
    public MongoDecisionStore(MongoDatabase database, InstantSource clock) {
        this.decisions = database.getCollection(COLLECTION);
        this.clock = clock;
        decisions.createIndex(Indexes.ascending("credentialId"), new IndexOptions().name("credential"));
        decisions.createIndex(Indexes.ascending("issuingInstitution", "receivedAt", "_id"),
                new IndexOptions().name("issuer-received"));
    }

    /**
     * This service's own document key, not the decision's id (the kernel's DecisionId, credentialId@schac, kept as
     * received in "decisionId"): documents already stored are keyed so, and a new key would duplicate them instead of
     * replacing them with a newer revision. The SCHAC code is in the value, never a field name (dots).
     */
    private static String documentId(RecognitionDecision decision) {
        return decision.credentialId() + "/" + decision.receivingInstitution().value();
    }

    /** Replaced only by a higher revision; inserted when there is none. */
    private ReplaceOneModel<Document> newerRevision(RecognitionDecision decision) {
        String id = documentId(decision);
        return new ReplaceOneModel<>(and(eq("_id", id), lt("revision", decision.revision())), toDocument(id, decision),
                new ReplaceOptions().upsert(true));
    }

    @Override
    public List<Boolean> keepLatestAll(List<RecognitionDecision> batch) {
        // The highest revision of each decision in the batch is the one written; the others cannot be the latest.
        Map<String, Integer> highest = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            highest.merge(documentId(batch.get(i)), i, (kept, next) -> batch.get(next).revision() > batch.get(kept).revision() ? next : kept);
        }
        List<Integer> written = new ArrayList<>(highest.values());
        Boolean[] kept = new Boolean[batch.size()];
        Arrays.fill(kept, false);
        written.forEach(i -> kept[i] = true);
        if (written.isEmpty()) {
            return List.of();
        }
        try {
            decisions.bulkWrite(written.stream().map(i -> newerRevision(batch.get(i))).toList(), new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                // The upsert found an equal or higher revision: the insert half collides on _id. Anything else is not ours.
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                kept[written.get(error.getIndex())] = false;
            }
        }
        return List.of(kept);
    }

    @Override
    public boolean keepLatest(RecognitionDecision decision) {
        return keepLatestAll(List.of(decision)).get(0);
    }

    @Override
    public List<RecognitionDecision> forCredential(CredentialId id) {
        return decisions.find(eq("credentialId", id.toString()))
                .map(MongoDecisionStore::fromDocument)
                .into(new ArrayList<>());
    }

    @Override
    public List<ReceivedDecision> ofIssuer(SchacCode issuer, Instant since, int page, int size) {
        // Filtered on the issuer in the query: another institution's decision is never read, and every page is full.
        return decisions.find(and(eq("issuingInstitution", issuer.value()), gte("receivedAt", Date.from(since))))
                .sort(Sorts.ascending("receivedAt", "_id"))
                .skip(page * size)
                .limit(size)
                .map(doc -> new ReceivedDecision(fromDocument(doc), doc.getDate("receivedAt").toInstant()))
                .into(new ArrayList<>());
    }

    private Document toDocument(String id, RecognitionDecision d) {
        return new Document("_id", id)
                .append("credentialId", d.credentialId().toString())
                .append("issuingInstitution", d.issuingInstitution() == null ? null : d.issuingInstitution().value())
                .append("receivedAt", Date.from(clock.instant()))
                .append("receivingInstitution", d.receivingInstitution().value())
                .append("decisionId", d.decisionId())
                .append("revision", d.revision())
                .append("learnerId", d.learnerId() == null ? null : d.learnerId().value())
                .append("outcome", d.outcome().name())
                .append("originalCredits", d.originalCredits() == null ? null : new Decimal128(d.originalCredits()))
                .append("recognisedCredits", d.recognisedCredits() == null ? null : new Decimal128(d.recognisedCredits()))
                .append("target", d.target() == null ? null
                        : new Document("kind", d.target().kind()).append("code", d.target().code())
                                .append("title", d.target().title()))
                .append("originalGrade", d.originalGrade() == null ? null : CredentialDocuments.grade(d.originalGrade()))
                .append("convertedGrade", d.convertedGrade() == null ? null : CredentialDocuments.grade(d.convertedGrade()))
                .append("conversionMethod", d.conversionMethod())
                .append("reasons", d.reasons().stream()
                        .map(r -> new Document("step", r.step()).append("decisive", r.decisive())
                                .append("explanation", r.explanation()))
                        .toList())
                .append("signatureVerdict", d.signatureVerdict())
                .append("rulesetVersion", d.rulesetVersion())
                .append("decidedBy", d.decidedBy())
                .append("registrar", d.registrar())
                .append("decidedAt", Date.from(d.decidedAt()));
    }

    private static RecognitionDecision fromDocument(Document doc) {
        var target = doc.get("target", Document.class);
        var original = doc.get("originalGrade", Document.class);
        var converted = doc.get("convertedGrade", Document.class);
        String learner = doc.getString("learnerId");
        String issuer = doc.getString("issuingInstitution");
        return new RecognitionDecision(
                doc.getString("decisionId"),
                doc.getInteger("revision"),
                CredentialId.of(doc.getString("credentialId")),
                issuer == null ? null : new SchacCode(issuer),
                learner == null ? null : new EuropeanStudentIdentifier(learner),
                new SchacCode(doc.getString("receivingInstitution")),
                RecognitionDecision.Outcome.valueOf(doc.getString("outcome")),
                doc.get("originalCredits") == null ? null : CredentialDocuments.decimal(doc.get("originalCredits")),
                doc.get("recognisedCredits") == null ? null : CredentialDocuments.decimal(doc.get("recognisedCredits")),
                target == null ? null : new RecognitionDecision.Target(target.getString("kind"), target.getString("code"),
                        target.getString("title")),
                original == null ? null : CredentialDocuments.grade(original),
                converted == null ? null : CredentialDocuments.grade(converted),
                doc.getString("conversionMethod"),
                doc.getList("reasons", Document.class).stream()
                        .map(r -> new RecognitionDecision.Reason(r.getString("step"), r.getBoolean("decisive"),
                                r.getString("explanation")))
                        .toList(),
                doc.getString("signatureVerdict"),
                doc.getInteger("rulesetVersion"),
                doc.getString("decidedBy"),
                doc.getString("registrar"),
                doc.getDate("decidedAt").toInstant());
    }
}
