package eu.creditbridge.recognition.store;

import eu.creditbridge.recognition.application.StoredDecision;
import eu.creditbridge.recognition.application.DecisionStore;
import eu.creditbridge.recognition.application.PendingDecisionStore;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.nor;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import eu.creditbridge.kernel.DecisionId;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.DecidedBy;
import eu.creditbridge.recognition.domain.Outcome;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The {@code decisions} collection seen from re-evaluation: decisions the rules sent to a registrar
 * (NEEDS_REVIEW, decided by RULES) that no ruleset version at least as new as a given one has looked at yet.
 * {@code evaluatedRulesetVersion} records the newest version that re-decided a decision without changing it,
 * so a restart does not redo that work.
 */
public class MongoPendingDecisionStore implements PendingDecisionStore {

    static final String EVALUATED_VERSION = "evaluatedRulesetVersion";

    private final MongoCollection<Document> collection;

    public MongoPendingDecisionStore(MongoDatabase database) {
        this.collection = database.getCollection(MongoDecisionStore.COLLECTION);
    }

    @Override
    public List<PendingDecision> awaitingRegistrar(SchacCode institution, int version, Optional<String> afterId, int limit) {
        List<Bson> filters = new ArrayList<>(List.of(
                eq("receivingInstitution", institution.value()),
                eq("outcome", Outcome.NEEDS_REVIEW.name()),
                eq("decidedBy", DecidedBy.RULES.name()),
                // $nor of $gte also matches a missing or null version: decided without a ruleset, or never re-evaluated.
                nor(gte("rulesetVersion", version)),
                nor(gte(EVALUATED_VERSION, version))));
        afterId.ifPresent(id -> filters.add(gt("_id", id)));
        List<PendingDecision> pending = new ArrayList<>();
        collection.find(and(filters)).sort(Sorts.ascending("_id")).limit(limit)
                .forEach(document -> pending.add(new PendingDecision(MongoDecisionStore.stored(document), CredentialSnapshots.credential(document))));
        return pending;
    }

    @Override
    public Optional<StoredDecision> revise(RecognitionDecision current, RecognitionDecision next, int version) {
        if (next.revision() != current.revision() + 1 || !next.id().equals(current.id())) {
            throw new IllegalArgumentException("the next revision of " + current.id() + " is " + (current.revision() + 1));
        }
        Document replacement = MongoDecisionStore.document(next).append("pendingPublication", true).append(EVALUATED_VERSION, version);
        replacement.remove("_id");
        List<Bson> sets = new ArrayList<>();
        replacement.forEach((field, value) -> sets.add(Updates.set(field, value)));
        var result = collection.updateOne(stillAwaiting(current), Updates.combine(sets));
        if (result.getModifiedCount() == 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(collection.find(eq("_id", current.id().value())).first()).map(MongoDecisionStore::stored);
    }

    @Override
    public void markEvaluated(RecognitionDecision current, int version) {
        collection.updateOne(and(stillAwaiting(current), nor(gte(EVALUATED_VERSION, version))), Updates.set(EVALUATED_VERSION, version));
    }

    private static Bson stillAwaiting(RecognitionDecision current) {
        return and(eq("_id", current.id().value()), eq("revision", current.revision()),
                eq("outcome", Outcome.NEEDS_REVIEW.name()), eq("decidedBy", DecidedBy.RULES.name()));
    }

    @Override
    public Optional<Credential> credentialOf(DecisionId id) {
        return Optional.ofNullable(collection.find(eq("_id", id.value())).first()).flatMap(CredentialSnapshots::credential);
    }
}
