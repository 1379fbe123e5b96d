package eu.creditbridge.recognition.store;

import eu.creditbridge.recognition.application.review.ReviewStore;
import eu.creditbridge.recognition.application.DecisionStore;
import eu.creditbridge.recognition.application.review.ReviewQueries;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import eu.creditbridge.kernel.DecisionId;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.application.review.ReviewStore.ReviewedDecision;
import eu.creditbridge.recognition.domain.Outcome;
import eu.creditbridge.recognition.domain.TargetKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Read side of registrar review over the {@code decisions} collection: the queue with its filters and counts,
 * a learner's decisions, and search. Every query starts with the receiving institution, the first field of each
 * index here, so one institution's registrars never scan another's decisions.
 */
public class MongoReviewQueries implements ReviewQueries {

    /*
     * Indexes earlier versions created that no query here can use. The course search matches case-insensitive regular
     * expressions in an $or with the title, and the category filter ORs target.code with an ISCED field; MongoDB uses
     * indexes for an $or only when every clause has one, so both are answered through the institution's other indexes,
     * on MongoDB as on the embedded store. Each still cost every decision an index entry at a random place, rewritten
     * at the next commit.
     */
    static final List<String> RETIRED_INDEXES = List.of("by-course-code", "by-target");
    private static final int INDEX_NOT_FOUND = 27;

    private final MongoCollection<Document> collection;

    public MongoReviewQueries(MongoDatabase database) {
        this.collection = database.getCollection(MongoDecisionStore.COLLECTION);
        collection.createIndex(Indexes.ascending("receivingInstitution", "outcome", "decidedAt"), new IndexOptions().name("queue-by-outcome"));
        collection.createIndex(Indexes.ascending("receivingInstitution", "issuingInstitution", "decidedAt"),
                new IndexOptions().name("queue-by-partner"));
        collection.createIndex(Indexes.ascending("receivingInstitution", "decidedAt"), new IndexOptions().name("by-institution-age"));
        dropRetiredIndexes();
    }

    private void dropRetiredIndexes() {
        for (Document index : collection.listIndexes()) {
            String name = index.getString("name");
            if (RETIRED_INDEXES.contains(name)) {
                try {
                    collection.dropIndex(name);
                } catch (MongoCommandException e) {
                    if (e.getErrorCode() != INDEX_NOT_FOUND) {   // a second instance starting beside this one dropped it first
                        throw e;
                    }
                }
            }
        }
    }

    @Override
    public List<ReviewedDecision> page(QueueFilter filter, boolean newestFirst, int skip, int limit) {
        Bson sort = newestFirst ? Sorts.descending("decidedAt", "_id") : Sorts.ascending("decidedAt", "_id");
        List<ReviewedDecision> page = new ArrayList<>();
        collection.find(bson(filter)).sort(sort).skip(skip).limit(limit).forEach(document -> page.add(MongoReviewStore.reviewed(document)));
        return page;
    }

    @Override
    public long count(QueueFilter filter) {
        return collection.countDocuments(bson(filter));
    }

    @Override
    public Map<String, Long> countByOutcome(QueueFilter filter) {
        QueueFilter any = filter.anyOutcome();
        Map<String, Long> counts = countBy(any, "$outcome");
        long asked = count(new QueueFilter(any.institution(), any.partners(), Optional.of(Outcome.NEEDS_REVIEW), Optional.of(true),
                any.category(), any.decidedBefore()));
        if (asked > 0) {
            counts.put("ASKED", asked);
        }
        return counts;
    }

    @Override
    public Map<String, Long> countByPartner(QueueFilter filter) {
        return countBy(filter.anyPartner(), "$issuingInstitution");
    }

    private Map<String, Long> countBy(QueueFilter filter, String field) {
        Map<String, Long> counts = new TreeMap<>();
        collection.aggregate(List.of(Aggregates.match(bson(filter)), Aggregates.group(field, Accumulators.sum("count", 1))))
                .forEach(group -> counts.put(String.valueOf(group.get("_id")), ((Number) group.get("count")).longValue()));
        return counts;
    }

    @Override
    public List<ReviewedDecision> ofLearner(SchacCode institution, EuropeanStudentIdentifier learner, int limit) {
        List<ReviewedDecision> found = new ArrayList<>();
        collection.find(and(eq("receivingInstitution", institution.value()), eq("learnerId", learner.value())))
                .sort(Sorts.descending("decidedAt", "_id")).limit(limit).forEach(document -> found.add(MongoReviewStore.reviewed(document)));
        return found;
    }

    @Override
    public Optional<ReviewedDecision> find(DecisionId id) {
        return Optional.ofNullable(collection.find(eq("_id", id.value())).first()).map(MongoReviewStore::reviewed);
    }

    @Override
    public List<ReviewedDecision> matchingCourse(SchacCode institution, String text, int limit) {
        String quoted = Pattern.quote(text.strip());
        Bson course = or(
                regex("credential.sourceCourseCode", "^" + quoted + "$", "i"),
                regex("target.code", "^" + quoted + "$", "i"),
                regex("credentialTitle", quoted, "i"));
        List<ReviewedDecision> found = new ArrayList<>();
        collection.find(and(eq("receivingInstitution", institution.value()), course))
                .sort(Sorts.descending("decidedAt", "_id")).limit(limit).forEach(document -> found.add(MongoReviewStore.reviewed(document)));
        return found;
    }

    /** The filter as the driver's query. */
    static Bson bson(QueueFilter filter) {
        List<Bson> filters = new ArrayList<>();
        filters.add(eq("receivingInstitution", filter.institution().value()));
        filter.partners().ifPresent(kept -> filters.add(in("issuingInstitution", kept.stream().map(SchacCode::value).sorted().toList())));
        filter.outcome().ifPresent(value -> filters.add(eq("outcome", value.name())));
        filter.asked().ifPresent(value -> filters.add(value ? eq(MongoReviewStore.ASKED, true) : ne(MongoReviewStore.ASKED, true)));
        filter.category().ifPresent(value -> filters.add(or(
                and(eq("target.kind", TargetKind.CREDIT_CATEGORY.name()), eq("target.code", value)),
                eq("credential.elements.iscedField", value))));
        filter.decidedBefore().ifPresent(before -> filters.add(lt("decidedAt", Documents.date(before))));
        return and(filters);
    }
}
