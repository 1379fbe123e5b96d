package eu.creditbridge.recognition.store;

import eu.creditbridge.recognition.application.LearnerRecordStore;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.elemMatch;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.nin;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.MongoException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import eu.creditbridge.kernel.DecisionId;
import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.domain.ComponentStatus;
import eu.creditbridge.recognition.domain.CreditTotals;
import eu.creditbridge.recognition.domain.LearnerRecord;
import eu.creditbridge.recognition.domain.RecognisedComponent;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.domain.RecognitionTarget;
import eu.creditbridge.recognition.domain.Revocation;
import eu.creditbridge.recognition.domain.TargetKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Collection {@code learnerRecords}: one document per (receiving institution, learner), {@code _id}
 * {@code <schac>|<esi>}, with the recognised components and running totals ({@code totals.ects},
 * {@code totals.categories.<name>}, {@code totals.localCourses.<code>}). Every change is ONE conditional
 * update — the component and the totals move together or not at all, and only the first time.
 */
public class MongoLearnerRecordStore implements LearnerRecordStore {

    static final String COLLECTION = "learnerRecords";

    private final MongoCollection<Document> collection;

    public MongoLearnerRecordStore(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    @Override
    public Optional<LearnerRecord> find(SchacCode institution, EuropeanStudentIdentifier learner) {
        return Optional.ofNullable(collection.find(eq("_id", id(institution, learner))).first()).map(MongoLearnerRecordStore::record);
    }

    @Override
    public Map<Key, LearnerRecord> findAll(Collection<Key> learners) {
        Map<Key, LearnerRecord> found = new HashMap<>();
        if (!learners.isEmpty()) {
            collection.find(in("_id", learners.stream().map(key -> id(key.institution(), key.learner())).distinct().toList()))
                    .forEach(document -> {
                        LearnerRecord record = record(document);
                        found.put(new Key(record.institution(), record.learner()), record);
                    });
        }
        return found;
    }

    @Override
    public void recogniseAll(List<RecognitionDecision> decisions) {
        Map<String, List<RecognitionDecision>> byRecord = new LinkedHashMap<>();
        for (RecognitionDecision decision : decisions) {
            if (RecognisedComponent.of(decision).isPresent()) {
                byRecord.computeIfAbsent(id(decision.id().receivingInstitution(), decision.learner()), id -> new ArrayList<>())
                        .add(decision);
            }
        }
        if (byRecord.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>(byRecord.keySet());
        List<UpdateOneModel<Document>> updates = ids.stream().map(id -> allAtOnce(id, byRecord.get(id))).toList();
        List<String> oneByOne = Documents.duplicatesIn(() -> collection.bulkWrite(updates, new BulkWriteOptions().ordered(false)))
                .stream().map(ids::get).toList();
        // The record holds some of them already (a redelivery), or two first writes raced: each component on its own.
        oneByOne.forEach(id -> byRecord.get(id).forEach(this::recognise));
    }

    /**
     * One record's new components in one update: pushed together and their credits added per total, only if none of
     * them is there yet; else the upsert's insert collides on _id and the caller goes component by component.
     */
    private static UpdateOneModel<Document> allAtOnce(String id, List<RecognitionDecision> decisions) {
        List<RecognisedComponent> components = new ArrayList<>();
        Map<String, Long> hundredths = new LinkedHashMap<>();
        for (RecognitionDecision decision : decisions) {
            RecognisedComponent component = RecognisedComponent.of(decision).orElseThrow();
            if (components.stream().noneMatch(added -> added.credentialId().equals(component.credentialId()))) {
                components.add(component);
                hundredths.merge("totals.ects", component.credits().hundredths(), Long::sum);
                hundredths.merge(totalField(component.target()), component.credits().hundredths(), Long::sum);
            }
        }
        RecognitionDecision first = decisions.get(0);
        List<Bson> changes = new ArrayList<>();
        changes.add(Updates.pushEach("components", components.stream().map(MongoLearnerRecordStore::document).toList()));
        hundredths.forEach((field, sum) -> changes.add(Updates.inc(field, Documents.credits(sum.longValue()))));
        changes.add(Updates.setOnInsert("institution", first.id().receivingInstitution().value()));
        changes.add(Updates.setOnInsert("learnerId", first.learner().value()));
        changes.add(Updates.set("updatedAt", Documents.date(decisions.stream().map(RecognitionDecision::decidedAt)
                .max(Comparator.naturalOrder()).orElseThrow())));
        Bson noneThereYet = and(eq("_id", id), nin("components.credentialId",
                components.stream().map(component -> component.credentialId().toString()).toList()));
        return new UpdateOneModel<>(noneThereYet, Updates.combine(changes), new UpdateOptions().upsert(true));
    }

    @Override
    public boolean recognise(RecognitionDecision decision) {
        Optional<RecognisedComponent> counted = RecognisedComponent.of(decision);
        if (counted.isEmpty()) {
            return false;
        }
        RecognisedComponent component = counted.get();
        SchacCode institution = decision.id().receivingInstitution();
        String id = id(institution, decision.learner());
        Bson notYetThere = and(eq("_id", id), ne("components.credentialId", component.credentialId().toString()));
        Bson update = Updates.combine(
                Updates.push("components", document(component)),
                Updates.inc("totals.ects", Documents.credits(component.credits())),
                Updates.inc(totalField(component.target()), Documents.credits(component.credits())),
                Updates.setOnInsert("institution", institution.value()),
                Updates.setOnInsert("learnerId", decision.learner().value()),
                Updates.set("updatedAt", Documents.date(decision.decidedAt())));
        try {
            // Upsert creates the record with its first component. When the record exists and already holds the
            // credential, the filter matches nothing and the upsert's insert collides on _id: a repeat, no change.
            var result = collection.updateOne(notYetThere, update, new UpdateOptions().upsert(true));
            return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
        } catch (MongoException e) {
            if (!Documents.isDuplicateKey(e)) {
                throw e;
            }
            // Either a repeat, or another component's first write created the record a moment ago: once more,
            // without upsert, settles which.
            return collection.updateOne(notYetThere, update).getModifiedCount() > 0;
        }
    }

    @Override
    public boolean withdraw(Revocation revocation, Instant at) {
        return withdraw(revocation.decisionId(), revocation.learner(), revocation.reason(), at);
    }

    @Override
    public boolean withdraw(DecisionId decision, EuropeanStudentIdentifier learner, String reason, Instant at) {
        SchacCode institution = decision.receivingInstitution();
        String id = id(institution, learner);
        String credentialId = decision.credentialId().toString();
        Optional<RecognisedComponent> counting = find(institution, learner)
                .flatMap(record -> record.component(decision.credentialId()))
                .filter(RecognisedComponent::counts);
        if (counting.isEmpty()) {
            return false;
        }
        RecognisedComponent component = counting.get();
        // The filter re-checks, in the same atomic update, that this very component still counts: a concurrent
        // withdrawal makes this one match nothing, so the credits come off once.
        Bson stillCounting = and(eq("_id", id),
                elemMatch("components", and(eq("credentialId", credentialId), eq("status", ComponentStatus.RECOGNISED.name()))));
        var result = collection.updateOne(stillCounting, Updates.combine(
                Updates.set("components.$.status", ComponentStatus.WITHDRAWN.name()),
                Updates.set("components.$.withdrawnAt", Documents.date(at)),
                Updates.set("components.$.withdrawalReason", reason),
                Updates.inc("totals.ects", Documents.negated(component.credits())),
                Updates.inc(totalField(component.target()), Documents.negated(component.credits())),
                Updates.set("updatedAt", Documents.date(at))));
        return result.getModifiedCount() > 0;
    }

    static String id(SchacCode institution, EuropeanStudentIdentifier learner) {
        return institution.value() + "|" + learner.value();
    }

    private static String totalField(RecognitionTarget target) {
        return (target.kind() == TargetKind.CREDIT_CATEGORY ? "totals.categories." : "totals.localCourses.") + Documents.fieldName(target.code());
    }

    private static Document document(RecognisedComponent component) {
        Document document = new Document("credentialId", component.credentialId().toString())
                .append("title", component.title())
                .append("issuingInstitution", component.issuingInstitution().value())
                .append("credits", Documents.credits(component.credits()))
                .append("target", Documents.target(component.target()));
        Documents.withGrade(document, component.grade());
        return document
                .append("decisionId", component.decisionId().value())
                .append("status", component.status().name())
                .append("recognisedAt", Documents.date(component.recognisedAt()));
    }

    private static LearnerRecord record(Document document) {
        SchacCode institution = SchacCode.of(document.getString("institution"));
        List<RecognisedComponent> components = document.getList("components", Document.class, List.of()).stream()
                .map(component -> new RecognisedComponent(
                        UUID.fromString(component.getString("credentialId")),
                        component.getString("title"),
                        SchacCode.of(component.getString("issuingInstitution")),
                        Documents.credits(component.get("credits")),
                        Documents.target(component.get("target", Document.class)),
                        Documents.gradeConversion(component),
                        new DecisionId(UUID.fromString(component.getString("credentialId")), institution),
                        ComponentStatus.valueOf(component.getString("status")),
                        Documents.instant(component.getDate("recognisedAt")),
                        Optional.ofNullable(component.getDate("withdrawnAt")).map(Documents::instant),
                        Optional.ofNullable(component.getString("withdrawalReason"))))
                .toList();
        Document totals = Optional.ofNullable(document.get("totals", Document.class)).orElseGet(Document::new);
        CreditTotals creditTotals = new CreditTotals(Documents.credits(totals.get("ects")),
                totalsBy(totals.get("categories", Document.class)), totalsBy(totals.get("localCourses", Document.class)));
        return new LearnerRecord(institution, EuropeanStudentIdentifier.of(document.getString("learnerId")), components, creditTotals);
    }

    private static Map<String, EctsCredits> totalsBy(Document stored) {
        Map<String, EctsCredits> totals = new LinkedHashMap<>();
        if (stored != null) {
            stored.forEach((field, value) -> totals.put(Documents.key(field), Documents.credits(value)));
        }
        return totals;
    }
}
