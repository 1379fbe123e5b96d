package eu.creditbridge.recognition.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import eu.creditbridge.recognition.domain.DecisionId;
import eu.creditbridge.recognition.domain.EuropeanStudentIdentifier;
import eu.creditbridge.recognition.domain.Outcome;
import eu.creditbridge.recognition.domain.SchacCode;
import eu.creditbridge.recognition.domain.TargetKind;
import eu.creditbridge.recognition.store.ReviewStore.ReviewedDecision;
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
public class ReviewQueries {

    private final MongoCollection<Document> collection;

    public ReviewQueries(MongoDatabase database) {
        this.collection = database.getCollection(DecisionStore.COLLECTION);
        collection.createIndex(Indexes.ascending("receivingInstitution", "outcome", "decidedAt"), new IndexOptions().name("queue-by-outcome"));
        collection.createIndex(Indexes.ascending("receivingInstitution", "issuingInstitution", "decidedAt"),
                new IndexOptions().name("queue-by-partner"));
        collection.createIndex(Indexes.ascending("receivingInstitution", "decidedAt"), new IndexOptions().name("by-institution-age"));
        collection.createIndex(Indexes.ascending("receivingInstitution", "credential.sourceCourseCode"), new IndexOptions().name("by-course-code"));
        collection.createIndex(Indexes.ascending("receivingInstitution", "target.code"), new IndexOptions().name("by-target"));
    }

    /**
     * Which decisions of one institution to list. Each part is optional; absent parts do not filter.
     *
     * @param partners the issuing institutions to keep (a partner, or an alliance's members); empty set keeps none
     * @param outcome  the decisions' outcome
     * @param asked    whether a question is out (only meaningful with NEEDS_REVIEW)
     * @param category a credit category the decision counts towards, or the credential's ISCED-F field of study
     * @param decidedBefore only decisions whose current revision is older than this
     */
    public record QueueFilter(SchacCode institution, Optional<Set<SchacCode>> partners, Optional<Outcome> outcome, Optional<Boolean> asked,
                              Optional<String> category, Optional<Instant> decidedBefore) {

        public QueueFilter {
            Objects.requireNonNull(institution, "institution is required");
            partners = Objects.requireNonNullElse(partners, Optional.<Set<SchacCode>>empty()).map(Set::copyOf);
            outcome = Objects.requireNonNullElse(outcome, Optional.empty());
            asked = Objects.requireNonNullElse(asked, Optional.empty());
            category = Objects.requireNonNullElse(category, Optional.empty());
            decidedBefore = Objects.requireNonNullElse(decidedBefore, Optional.empty());
        }

        public QueueFilter anyOutcome() {
            return new QueueFilter(institution, partners, Optional.empty(), Optional.empty(), category, decidedBefore);
        }

        public QueueFilter anyPartner() {
            return new QueueFilter(institution, Optional.empty(), outcome, asked, category, decidedBefore);
        }

        Bson bson() {
            List<Bson> filters = new ArrayList<>();
            filters.add(eq("receivingInstitution", institution.value()));
            partners.ifPresent(kept -> filters.add(in("issuingInstitution", kept.stream().map(SchacCode::value).sorted().toList())));
            outcome.ifPresent(value -> filters.add(eq("outcome", value.name())));
            asked.ifPresent(value -> filters.add(value ? eq(ReviewStore.ASKED, true) : ne(ReviewStore.ASKED, true)));
            category.ifPresent(value -> filters.add(or(
                    and(eq("target.kind", TargetKind.CREDIT_CATEGORY.name()), eq("target.code", value)),
                    eq("credential.elements.iscedField", value))));
            decidedBefore.ifPresent(before -> filters.add(lt("decidedAt", Documents.date(before))));
            return and(filters);
        }
    }

    public List<ReviewedDecision> page(QueueFilter filter, boolean newestFirst, int skip, int limit) {
        Bson sort = newestFirst ? Sorts.descending("decidedAt", "_id") : Sorts.ascending("decidedAt", "_id");
        List<ReviewedDecision> page = new ArrayList<>();
        collection.find(filter.bson()).sort(sort).skip(skip).limit(limit).forEach(document -> page.add(ReviewStore.reviewed(document)));
        return page;
    }

    public long count(QueueFilter filter) {
        return collection.countDocuments(filter.bson());
    }

    /** Decisions by outcome, plus ASKED: those of NEEDS_REVIEW with a question out. */
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

    public Map<String, Long> countByPartner(QueueFilter filter) {
        return countBy(filter.anyPartner(), "$issuingInstitution");
    }

    private Map<String, Long> countBy(QueueFilter filter, String field) {
        Map<String, Long> counts = new TreeMap<>();
        collection.aggregate(List.of(Aggregates.match(filter.bson()), Aggregates.group(field, Accumulators.sum("count", 1))))
                .forEach(group -> counts.put(String.valueOf(group.get("_id")), ((Number) group.get("count")).longValue()));
        return counts;
    }

    /** A learner's decisions at the institution, newest first. */
    public List<ReviewedDecision> ofLearner(SchacCode institution, EuropeanStudentIdentifier learner, int limit) {
        List<ReviewedDecision> found = new ArrayList<>();
        collection.find(and(eq("receivingInstitution", institution.value()), eq("learnerId", learner.value())))
                .sort(Sorts.descending("decidedAt", "_id")).limit(limit).forEach(document -> found.add(ReviewStore.reviewed(document)));
        return found;
    }

    public Optional<ReviewedDecision> find(DecisionId id) {
        return Optional.ofNullable(collection.find(eq("_id", id.value())).first()).map(ReviewStore::reviewed);
    }

    /**
     * Decisions whose partner course code or our target course code is the text (any case), or whose title
     * contains it; newest first.
     */
    public List<ReviewedDecision> matchingCourse(SchacCode institution, String text, int limit) {
        String quoted = Pattern.quote(text.strip());
        Bson course = or(
                regex("credential.sourceCourseCode", "^" + quoted + "$", "i"),
                regex("target.code", "^" + quoted + "$", "i"),
                regex("credentialTitle", quoted, "i"));
        List<ReviewedDecision> found = new ArrayList<>();
        collection.find(and(eq("receivingInstitution", institution.value()), course))
                .sort(Sorts.descending("decidedAt", "_id")).limit(limit).forEach(document -> found.add(ReviewStore.reviewed(document)));
        return found;
    }
}
