package eu.creditbridge.recognition.store;

import eu.creditbridge.recognition.application.LearningAgreementStore;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.domain.agreement.AgreementComponent;
import eu.creditbridge.recognition.domain.TargetKind;
import eu.creditbridge.recognition.domain.agreement.AgreementStatus;
import eu.creditbridge.recognition.domain.agreement.AgreementTables;
import eu.creditbridge.recognition.domain.agreement.TableComponent;
import eu.creditbridge.recognition.domain.agreement.LearningAgreement;
import eu.creditbridge.recognition.domain.agreement.LearningAgreements;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import eu.creditbridge.recognition.application.LearnerRecordStore;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Collection {@code learningAgreements}: one document per agreement, {@code _id}
 * {@code <home schac>|<ESI>|<agreementId>}. A PUT replaces the whole agreement (the home institution's system
 * is the source of truth and sends it whole), so a repeat is harmless.
 */
public class MongoLearningAgreementStore implements LearningAgreementStore {

    static final String COLLECTION = "learningAgreements";

    private final MongoCollection<Document> collection;

    public MongoLearningAgreementStore(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
        collection.createIndex(Indexes.ascending("homeInstitution", "learnerId"), new IndexOptions().name("by-learner"));
    }

    @Override
    public boolean save(LearningAgreement agreement, Instant at) {
        var result = collection.replaceOne(eq("_id", id(agreement.homeInstitution(), agreement.learner(), agreement.agreementId())),
                document(agreement).append("updatedAt", Documents.date(at)), new ReplaceOptions().upsert(true));
        return result.getUpsertedId() != null;
    }

    @Override
    public Optional<LearningAgreement> find(SchacCode homeInstitution, EuropeanStudentIdentifier learner, String agreementId) {
        return Optional.ofNullable(collection.find(eq("_id", id(homeInstitution, learner, agreementId))).first())
                .map(MongoLearningAgreementStore::agreement);
    }

    @Override
    public List<LearningAgreement> of(SchacCode homeInstitution, EuropeanStudentIdentifier learner) {
        List<LearningAgreement> agreements = new ArrayList<>();
        collection.find(and(eq("homeInstitution", homeInstitution.value()), eq("learnerId", learner.value())))
                .sort(Sorts.ascending("agreementId"))
                .forEach(document -> agreements.add(agreement(document)));
        return agreements;
    }

    @Override
    public Map<LearnerRecordStore.Key, List<LearningAgreement>> ofAll(Collection<LearnerRecordStore.Key> learners) {
        Map<LearnerRecordStore.Key, List<LearningAgreement>> found = new HashMap<>();
        if (!learners.isEmpty()) {
            Set<LearnerRecordStore.Key> wanted = Set.copyOf(learners);
            collection.find(in("learnerId", learners.stream().map(key -> key.learner().value()).distinct().toList()))
                    .sort(Sorts.ascending("agreementId"))
                    .forEach(document -> {
                        LearningAgreement agreement = agreement(document);
                        var key = new LearnerRecordStore.Key(agreement.homeInstitution(), agreement.learner());
                        if (wanted.contains(key)) {
                            found.computeIfAbsent(key, k -> new ArrayList<>()).add(agreement);
                        }
                    });
        }
        return found;
    }

    static String id(SchacCode homeInstitution, EuropeanStudentIdentifier learner, String agreementId) {
        return homeInstitution.value() + "|" + learner.value() + "|" + agreementId;
    }

    private static Document document(LearningAgreement agreement) {
        return new Document("_id", id(agreement.homeInstitution(), agreement.learner(), agreement.agreementId()))
                .append("agreementId", agreement.agreementId())
                .append("homeInstitution", agreement.homeInstitution().value())
                .append("learnerId", agreement.learner().value())
                .append("partnerInstitution", agreement.partnerInstitution().value())
                .append("status", agreement.status().name())
                .append("mobilityFrom", agreement.mobilityFrom().map(LocalDate::toString).orElse(null))
                .append("mobilityUntil", agreement.mobilityUntil().map(LocalDate::toString).orElse(null))
                .append("components", agreement.components().stream()
                        .map(component -> new Document("partnerCourseCode", component.partnerCourseCode())
                                .append("localCourseCode", component.localCourseCode())
                                .append("localCourseTitle", component.localCourseTitle().orElse(null))
                                .append("credits", Documents.credits(component.credits()))
                                .append("targetKind", component.targetKind().name()))
                        .toList())
                .append("tables", agreement.tables().map(MongoLearningAgreementStore::tables).orElse(null));
    }

    private static Document tables(AgreementTables tables) {
        return new Document("studied", tables.studied().stream().map(MongoLearningAgreementStore::line).toList())
                .append("recognised", tables.recognised().stream().map(MongoLearningAgreementStore::line).toList())
                .append("pending", tables.pending().map(pending -> new Document("proposalId", pending.proposalId())
                        .append("changes", pending.changes().stream()
                                .map(change -> line(change.component()).append("change", change.change().name())
                                        .append("table", change.table().name()))
                                .toList()))
                        .orElse(null));
    }

    private static Document line(TableComponent line) {
        return new Document("code", line.code().orElse(null)).append("losId", line.losId().orElse(null))
                .append("title", line.title()).append("credits", Documents.credits(line.credits()));
    }

    private static AgreementTables tables(Document document) {
        Document pending = document.get("pending", Document.class);
        return new AgreementTables(lines(document, "studied"), lines(document, "recognised"),
                Optional.ofNullable(pending).map(proposal -> new AgreementTables.PendingChanges(proposal.getString("proposalId"),
                        proposal.getList("changes", Document.class).stream()
                                .map(change -> new AgreementTables.ProposedChange(AgreementTables.Change.valueOf(change.getString("change")),
                                        AgreementTables.Table.valueOf(change.getString("table")), line(change)))
                                .toList())));
    }

    private static List<TableComponent> lines(Document document, String table) {
        return document.getList(table, Document.class).stream().map(MongoLearningAgreementStore::line).toList();
    }

    private static TableComponent line(Document line) {
        return new TableComponent(Optional.ofNullable(line.getString("code")), Optional.ofNullable(line.getString("losId")),
                line.getString("title"), Documents.credits(line.get("credits")));
    }

    private static LearningAgreement agreement(Document document) {
        return new LearningAgreement(
                document.getString("agreementId"),
                SchacCode.of(document.getString("homeInstitution")),
                EuropeanStudentIdentifier.of(document.getString("learnerId")),
                SchacCode.of(document.getString("partnerInstitution")),
                AgreementStatus.valueOf(document.getString("status")),
                Optional.ofNullable(document.getString("mobilityFrom")).map(LocalDate::parse),
                Optional.ofNullable(document.getString("mobilityUntil")).map(LocalDate::parse),
                document.getList("components", Document.class).stream()
                        .map(component -> new AgreementComponent(
                                component.getString("partnerCourseCode"),
                                component.getString("localCourseCode"),
                                Optional.ofNullable(component.getString("localCourseTitle")),
                                Documents.credits(component.get("credits")),
                                // Stored before targets other than a local course existed: a local course.
                                Optional.ofNullable(component.getString("targetKind")).map(TargetKind::valueOf).orElse(TargetKind.LOCAL_COURSE)))
                        .toList(),
                Optional.ofNullable(document.get("tables", Document.class)).map(MongoLearningAgreementStore::tables));
    }
}
