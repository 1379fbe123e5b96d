package eu.creditbridge.localstack.chaos;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import eu.creditbridge.localstack.ServiceProcess;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * The outcome of a chaos run as recognition-service and issuer-service have stored it: the one place in the chaos
 * run that names another service's databases and collections, and what their documents look like.
 *
 * <p>Why not through their REST APIs: volume. The issuer's API answers one credential at a time, and a query by
 * credential id is a full scan on the embedded MongoDB wire server, so 20,000 GETs would take hours; recognition's
 * API costs a password hash per call (HTTP Basic), and the thousands a convergence wait needs would spend the
 * pipeline's own CPU and inflate the figures. Each read here is one pass over one collection. The verification
 * still reads a sample through both APIs.
 */
public final class StoredOutcomes implements AutoCloseable {

    /** A recognition decision as the issuer stores it; {@code storedCredits} as it stands in the document. */
    record StoredDecision(String credentialId, String receivingInstitution, String outcome, BigDecimal recognisedCredits,
            String storedCredits) {
    }

    private final String mongoUri;
    private MongoClient mongo;

    public StoredOutcomes(String mongoUri) {
        this.mongoUri = mongoUri;
    }

    /** Every learner record of the institution, by learner id, in one read of recognition's collection. */
    Map<String, LearnerRecord> learnerRecordsOf(String institution) {
        Map<String, LearnerRecord> records = new HashMap<>();
        for (Document record : mongo().getDatabase(ServiceProcess.database(ServiceProcess.RECOGNITION)).getCollection("learnerRecords")
                .find(new Document("institution", institution))) {
            records.put(record.getString("learnerId"), learnerRecord(record));
        }
        return records;
    }

    /** Documents per collection ({@code database.collection}) of every service's database, each by the store's own count. */
    public Map<String, Long> documentCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String service : ServiceProcess.ALL) {
            MongoDatabase database = mongo().getDatabase(ServiceProcess.database(service));
            for (String collection : database.listCollectionNames()) {
                counts.put(database.getName() + "." + collection, database.getCollection(collection).estimatedDocumentCount());
            }
        }
        return counts;
    }

    /** The decisions recognition has stored, all institutions. */
    public long decisionsAtRecognition() {
        return mongo().getDatabase(ServiceProcess.database(ServiceProcess.RECOGNITION)).getCollection("decisions").estimatedDocumentCount();
    }

    /** Components (credentials counted) in the learner records of the institution whose learner id starts so. */
    public long componentsOfLearners(String institution, String learnerIdPrefix) {
        // Only those learners, only their components' ids: the whole records of 10,000 learners are 50 MB.
        long components = 0;
        for (Document record : mongo().getDatabase(ServiceProcess.database(ServiceProcess.RECOGNITION)).getCollection("learnerRecords")
                .find(Filters.and(Filters.eq("institution", institution), Filters.gte("learnerId", learnerIdPrefix),
                        Filters.lt("learnerId", learnerIdPrefix + Character.MAX_VALUE)))
                .projection(Projections.include("components.credentialId"))) {
            components += record.getList("components", Document.class, List.of()).size();
        }
        return components;
    }

    /** Every decision the issuer holds, in one read of its collection. */
    void forEachDecisionAtIssuer(Consumer<StoredDecision> action) {
        for (Document decision : mongo().getDatabase(ServiceProcess.database(ServiceProcess.ISSUER)).getCollection("decisions")
                .find().projection(Projections.include("credentialId", "receivingInstitution", "outcome", "recognisedCredits"))) {
            Object credits = decision.get("recognisedCredits");
            action.accept(new StoredDecision(decision.getString("credentialId"), decision.getString("receivingInstitution"),
                    decision.getString("outcome"), credits instanceof Decimal128 d ? d.bigDecimalValue() : null, String.valueOf(credits)));
        }
    }

    /** Credits as Decimal128, and per-course totals under field names where '%', '.' and '$' are percent-encoded. */
    private static LearnerRecord learnerRecord(Document record) {
        List<LearnerRecord.Component> components = record.getList("components", Document.class, List.of()).stream()
                .map(c -> new LearnerRecord.Component(c.getString("credentialId"), c.getString("status"))).toList();
        Document totals = record.get("totals", new Document());
        Map<String, BigDecimal> perCourse = new HashMap<>();
        totals.get("localCourses", new Document()).forEach((field, credits) -> perCourse.put(
                field.replace("%24", "$").replace("%2E", ".").replace("%25", "%"), decimal(credits)));
        return new LearnerRecord(decimal(totals.get("ects")), components, perCourse);
    }

    private static BigDecimal decimal(Object stored) {
        return stored instanceof Decimal128 d ? d.bigDecimalValue() : stored instanceof Number n ? new BigDecimal(n.toString()) : BigDecimal.ZERO;
    }

    private synchronized MongoClient mongo() {
        if (mongo == null) {
            mongo = MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString(mongoUri))
                    .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(10, TimeUnit.SECONDS))
                    .build());
        }
        return mongo;
    }

    @Override
    public synchronized void close() {
        if (mongo != null) {
            mongo.close();
        }
    }
}
