package eu.creditbridge.registry.store.operations;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import eu.creditbridge.registry.application.operations.DeadLetterLedger;
import eu.creditbridge.registry.domain.operations.DeadLetterId;
import eu.creditbridge.registry.domain.operations.DeadLetterStatus;
import eu.creditbridge.registry.domain.operations.OperatorAction;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/**
 * Collections {@code dead_letter_statuses} (one document per dead letter an operator acted on, {@code _id} =
 * {@code topic:partition:offset}) and {@code operator_audit} (append-only, one document per action). A status
 * change is one conditional upsert: the filter says which statuses it may come from, and when the document
 * exists with another status the upsert's insert hits the unique {@code _id} and is refused — so two operators
 * cannot both replay one dead letter.
 */
public class MongoDeadLetterLedger implements DeadLetterLedger {

    private static final String ID = "_id";
    private static final String STATUS = "status";
    private static final String CHANGED_AT = "changedAt";

    private final MongoCollection<Document> statuses;
    private final MongoCollection<Document> audit;
    private final Clock clock;

    public MongoDeadLetterLedger(MongoDatabase database, Clock clock) {
        this.statuses = database.getCollection("dead_letter_statuses");
        this.audit = database.getCollection("operator_audit");
        this.clock = clock;
        audit.createIndex(Indexes.descending("at"));
        audit.createIndex(Indexes.ascending("deadLetter"));
    }

    @Override
    public DeadLetterStatus status(DeadLetterId id) {
        Document found = statuses.find(eq(ID, id.value())).first();
        return found == null ? DeadLetterStatus.NEW : DeadLetterStatus.valueOf(found.getString(STATUS));
    }

    @Override
    public Map<DeadLetterId, DeadLetterStatus> statuses(Collection<DeadLetterId> ids) {
        Map<String, DeadLetterId> byKey = new HashMap<>();
        ids.forEach(id -> byKey.put(id.value(), id));
        Map<DeadLetterId, DeadLetterStatus> found = new HashMap<>();
        if (byKey.isEmpty()) {
            return found;
        }
        for (Document document : statuses.find(in(ID, byKey.keySet()))) {
            found.put(byKey.get(document.getString(ID)), DeadLetterStatus.valueOf(document.getString(STATUS)));
        }
        return found;
    }

    @Override
    public Optional<DeadLetterStatus> move(DeadLetterId id, Set<DeadLetterStatus> from, DeadLetterStatus to) {
        if (!from.contains(status(id))) {
            // The common refusal (a second click) answered by a read; the conditional write below still decides races.
            return Optional.empty();
        }
        List<String> allowed = from.stream().map(Enum::name).toList();
        var update = Updates.combine(Updates.set(STATUS, to.name()), Updates.set(CHANGED_AT, Date.from(clock.instant())));
        // No document means NEW: the upsert may create it only when NEW is an allowed starting point.
        var options = new FindOneAndUpdateOptions().upsert(from.contains(DeadLetterStatus.NEW))
                .returnDocument(ReturnDocument.BEFORE);
        try {
            Document before = statuses.findOneAndUpdate(and(eq(ID, id.value()), in(STATUS, allowed)), update, options);
            if (before == null) {
                // Either created just now (it was NEW), or — without upsert — nothing matched.
                return from.contains(DeadLetterStatus.NEW) ? Optional.of(DeadLetterStatus.NEW) : Optional.empty();
            }
            return Optional.of(DeadLetterStatus.valueOf(before.getString(STATUS)));
        } catch (MongoCommandException | MongoWriteException e) {
            if (isDuplicateKey(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void restore(DeadLetterId id, DeadLetterStatus status) {
        if (status == DeadLetterStatus.NEW) {
            statuses.deleteOne(eq(ID, id.value()));
        } else {
            statuses.replaceOne(eq(ID, id.value()),
                    new Document(ID, id.value()).append(STATUS, status.name()).append(CHANGED_AT, Date.from(clock.instant())),
                    new ReplaceOptions().upsert(true));
        }
    }

    @Override
    public void append(OperatorAction action) {
        audit.insertOne(new Document("at", Date.from(action.at()))
                .append("operator", action.operator())
                .append("deadLetter", action.deadLetter().value())
                .append("topic", action.deadLetter().topic())
                .append("partition", action.deadLetter().partition())
                .append("offset", action.deadLetter().offset())
                .append("act", action.act().name())
                .append("reason", action.reason())
                .append("forced", action.forced())
                .append("outcome", action.outcome()));
    }

    @Override
    public List<OperatorAction> recentActions(int limit) {
        return audit.find().sort(Sorts.descending("at")).limit(limit).map(MongoDeadLetterLedger::action)
                .into(new ArrayList<>());
    }

    @Override
    public List<OperatorAction> actionsOn(DeadLetterId id) {
        return audit.find(eq("deadLetter", id.value())).sort(Sorts.ascending("at")).map(MongoDeadLetterLedger::action)
                .into(new ArrayList<>());
    }

    private static OperatorAction action(Document d) {
        return new OperatorAction(d.getDate("at").toInstant(), d.getString("operator"),
                new DeadLetterId(d.getString("topic"), d.getInteger("partition"), d.getLong("offset")),
                OperatorAction.Act.valueOf(d.getString("act")), d.getString("reason"),
                Boolean.TRUE.equals(d.getBoolean("forced")), d.getString("outcome"));
    }

    private static boolean isDuplicateKey(RuntimeException e) {
        if (e instanceof MongoWriteException write) {
            return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        return e instanceof MongoCommandException command
                && ErrorCategory.fromErrorCode(command.getErrorCode()) == ErrorCategory.DUPLICATE_KEY;
    }
}
