package eu.creditbridge.registry.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.registry.application.RulesetStore;
import eu.creditbridge.registry.domain.CourseEquivalence;
import eu.creditbridge.registry.domain.Ruleset;
import eu.creditbridge.registry.domain.RulesetVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Collection {@code rulesets}: one document per (institution, version), never updated except for
 * its {@code published} mark. The unique index on (institution, version) is what stops two
 * concurrent publishes from both taking a version.
 */
public class MongoRulesetStore implements RulesetStore {

    private static final String INSTITUTION = "institution";
    private static final String VERSION = "version";
    private static final String PUBLISHED = "published";

    private final MongoCollection<Document> rulesets;

    public MongoRulesetStore(MongoDatabase database) {
        this.rulesets = database.getCollection("rulesets");
        rulesets.createIndex(Indexes.ascending(INSTITUTION, VERSION), new IndexOptions().unique(true));
        rulesets.createIndex(Indexes.ascending(PUBLISHED));
    }

    @Override
    public Optional<Ruleset> latest(SchacCode institution) {
        return Optional.ofNullable(rulesets.find(eq(INSTITUTION, institution.value()))
                .sort(Sorts.descending(VERSION)).first()).map(MongoRulesetStore::ruleset);
    }

    @Override
    public Optional<Ruleset> find(SchacCode institution, RulesetVersion version) {
        return Optional.ofNullable(rulesets.find(and(eq(INSTITUTION, institution.value()), eq(VERSION, version.value())))
                .first()).map(MongoRulesetStore::ruleset);
    }

    @Override
    public List<Ruleset> versions(SchacCode institution) {
        return rulesets.find(eq(INSTITUTION, institution.value())).sort(Sorts.ascending(VERSION))
                .map(MongoRulesetStore::ruleset).into(new ArrayList<>());
    }

    @Override
    public boolean insert(Ruleset ruleset) {
        try {
            rulesets.insertOne(document(ruleset).append(PUBLISHED, false));
            return true;
        } catch (MongoWriteException e) {
            if (Writes.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Ruleset versions not yet relayed to the topic (on the published index). */
    public long countPendingPublication() {
        return rulesets.countDocuments(eq(PUBLISHED, false));
    }

    @Override
    public List<Ruleset> pendingPublication(int limit) {
        return rulesets.find(eq(PUBLISHED, false)).sort(Sorts.ascending(INSTITUTION, VERSION)).limit(limit)
                .map(MongoRulesetStore::ruleset).into(new ArrayList<>());
    }

    @Override
    public void markPublished(SchacCode institution, RulesetVersion version) {
        rulesets.updateOne(and(eq(INSTITUTION, institution.value()), eq(VERSION, version.value())),
                new Document("$set", new Document(PUBLISHED, true)));
    }

    @Override
    public boolean publishAgain(SchacCode institution) {
        return latest(institution).map(latest -> rulesets.updateOne(
                        and(eq(INSTITUTION, institution.value()), eq(VERSION, latest.version().value())),
                        new Document("$set", new Document(PUBLISHED, false))).getMatchedCount() == 1)
                .orElse(false);
    }

    private static Document document(Ruleset ruleset) {
        return new Document(INSTITUTION, ruleset.institution().value())
                .append(VERSION, ruleset.version().value())
                .append("publishedAt", Dates.write(ruleset.publishedAt()))
                .append("electiveCategory", ruleset.electiveCategory())
                .append("courseEquivalences", ruleset.courseEquivalences().stream().map(e -> new Document()
                        .append("partnerInstitution", e.partnerInstitution().value())
                        .append("partnerCourseCode", e.partnerCourseCode())
                        .append("localCourseCode", e.localCourseCode())
                        .append("localCourseTitle", e.localCourseTitle())
                        .append("validFrom", Dates.write(e.validFrom()))
                        .append("validUntil", Dates.write(e.validUntil()))).toList())
                .append("rules", ruleset.rules().stream().map(RuleDocuments::rule).toList())
                .append("gradeConversions", ruleset.gradeConversions().stream().map(RuleDocuments::conversion).toList());
    }

    private static Ruleset ruleset(Document d) {
        return new Ruleset(
                new SchacCode(d.getString(INSTITUTION)),
                new RulesetVersion(d.getInteger(VERSION)),
                Dates.read(d.getDate("publishedAt")),
                d.getList("courseEquivalences", Document.class, List.of()).stream().map(e -> new CourseEquivalence(
                        new SchacCode(e.getString("partnerInstitution")),
                        e.getString("partnerCourseCode"),
                        e.getString("localCourseCode"),
                        e.getString("localCourseTitle"),
                        Dates.read(e.getString("validFrom")),
                        Dates.read(e.getString("validUntil")))).toList(),
                d.getString("electiveCategory"),
                d.getList("rules", Document.class, List.of()).stream().map(RuleDocuments::rule).toList(),
                d.getList("gradeConversions", Document.class, List.of()).stream().map(RuleDocuments::conversion).toList());
    }
}
