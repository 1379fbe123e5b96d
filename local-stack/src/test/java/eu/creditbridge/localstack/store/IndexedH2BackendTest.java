package eu.creditbridge.localstack.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import eu.creditbridge.localstack.LocalPorts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The indexed backend answers as the library's full scan does: conditional writes pinned to one _id as the services send
 * them, and — against the plain in-memory backend, which scans — random queries, counts, updates and deletes on
 * collections with non-unique indexes, before and after the file is opened again.
 */
class IndexedH2BackendTest {

    @TempDir
    Path dir;

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> decisions;

    @BeforeEach
    void start() {
        server = new MongoServer(new IndexedH2Backend(dir.resolve("test.mv").toString()));
        server.bind(LocalPorts.HOST, 0);
        client = MongoClients.create("mongodb://" + LocalPorts.HOST + ":" + server.getLocalAddress().getPort());
        decisions = client.getDatabase("creditbridge-issuer").getCollection("decisions");
        for (int i = 0; i < 50; i++) {
            decisions.insertOne(new Document("_id", "credential-" + i).append("revision", 2).append("components", List.of("a")));
        }
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void newerRevisionReplacesTheStoredOneAndAnOlderOneCollidesOnItsId() {
        var newer = decisions.replaceOne(and(eq("_id", "credential-7"), lt("revision", 3)),
                new Document("_id", "credential-7").append("revision", 3), new ReplaceOptions().upsert(true));
        assertThat(newer.getModifiedCount()).isEqualTo(1);

        assertThatThrownBy(() -> decisions.replaceOne(and(eq("_id", "credential-7"), lt("revision", 3)),
                new Document("_id", "credential-7").append("revision", 3), new ReplaceOptions().upsert(true)))
                .isInstanceOfSatisfying(MongoWriteException.class,
                        e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        assertThat(decisions.find(eq("_id", "credential-7")).first().getInteger("revision")).isEqualTo(3);
    }

    @Test
    void updateUnlessAlreadyThereChangesTheDocumentOnce() {
        var first = decisions.updateOne(and(eq("_id", "credential-3"), ne("components", "b")), Updates.push("components", "b"));
        var again = decisions.updateOne(and(eq("_id", "credential-3"), ne("components", "b")), Updates.push("components", "b"));

        assertThat(first.getModifiedCount()).isEqualTo(1);
        assertThat(again.getMatchedCount()).isZero();
        assertThat(decisions.find(eq("_id", "credential-3")).first().getList("components", String.class)).containsExactly("a", "b");
    }

    @Test
    void findPinnedToAnIdWithFurtherConditionsFindsOnlyWhatMatchesThemAll() {
        assertThat(decisions.find(and(eq("_id", "credential-5"), eq("revision", 2))).into(new java.util.ArrayList<>())).hasSize(1);
        assertThat(decisions.find(and(eq("_id", "credential-5"), eq("revision", 9))).into(new java.util.ArrayList<>())).isEmpty();
        assertThat(decisions.find(and(eq("_id", "no-such-credential"), eq("revision", 2))).into(new java.util.ArrayList<>())).isEmpty();
        assertThat(decisions.countDocuments(eq("revision", 2))).isEqualTo(50);
    }

    @Test
    void onlyAnEqualityOnIdPinsADocument() {
        var and = new de.bwaldvogel.mongo.bson.Document("$and", List.of(new de.bwaldvogel.mongo.bson.Document("_id", "x"),
                new de.bwaldvogel.mongo.bson.Document("revision", new de.bwaldvogel.mongo.bson.Document("$lt", 3))));
        var in = new de.bwaldvogel.mongo.bson.Document("_id", new de.bwaldvogel.mongo.bson.Document("$in", List.of("x", "y")))
                .append("revision", 2);

        assertThat(IndexedH2Backend.pinnedId(and)).isEqualTo("x");
        assertThat(IndexedH2Backend.pinnedId(new de.bwaldvogel.mongo.bson.Document("_id", "x").append("revision", 2))).isEqualTo("x");
        assertThat(IndexedH2Backend.pinnedId(in)).isNull();
        assertThat(IndexedH2Backend.pinnedId(new de.bwaldvogel.mongo.bson.Document("revision", 2))).isNull();
    }

    @Test
    void queriesThroughSecondaryIndexesFindWhatAScanFinds() {
        MongoServer reference = new MongoServer(new MemoryBackend());
        reference.bind(LocalPorts.HOST, 0);
        try (MongoClient scanning = MongoClients.create("mongodb://" + LocalPorts.HOST + ":" + reference.getLocalAddress().getPort())) {
            MongoCollection<Document> expected = scanning.getDatabase("creditbridge-recognition").getCollection("decisions");
            MongoCollection<Document> actual = client.getDatabase("creditbridge-recognition").getCollection("decisions");
            Random random = new Random(20261123);
            for (MongoCollection<Document> collection : List.of(expected, actual)) {
                collection.createIndex(Indexes.ascending("pendingPublication", "decidedAt"));
                collection.createIndex(Indexes.ascending("receivingInstitution", "learnerId"), new IndexOptions().name("by-learner"));
                collection.createIndex(Indexes.ascending("unpublished"), new IndexOptions().name("outbox"));
                collection.createIndex(Indexes.ascending("receivingInstitution", "credential.sourceCourseCode"));
            }
            List<Document> documents = IntStream.range(0, 400).mapToObj(i -> randomDecision(random, i)).toList();
            expected.insertMany(documents.stream().map(Document::new).toList());
            actual.insertMany(documents.stream().map(Document::new).toList());

            assertSameAnswers(expected, actual, random);

            for (int i = 0; i < 150; i++) {
                Bson selector = randomQuery(random);
                Bson update = random.nextBoolean()
                        ? Updates.set("pendingPublication", random.nextBoolean())
                        : Updates.combine(Updates.inc("unpublished", random.nextInt(3) - 1), Updates.set("learnerId", "learner-" + random.nextInt(20)));
                assertThat(actual.updateMany(selector, update).getModifiedCount()).isEqualTo(expected.updateMany(selector, update).getModifiedCount());
            }
            Bson deleted = randomQuery(random);
            assertThat(actual.deleteMany(deleted).getDeletedCount()).isEqualTo(expected.deleteMany(deleted).getDeletedCount());
            assertSameAnswers(expected, actual, random);

            // Opened again, the indexes are rebuilt from the file.
            client.close();
            server.shutdownNow();
            server = new MongoServer(new IndexedH2Backend(dir.resolve("test.mv").toString()));
            server.bind(LocalPorts.HOST, 0);
            client = MongoClients.create("mongodb://" + LocalPorts.HOST + ":" + server.getLocalAddress().getPort());
            actual = client.getDatabase("creditbridge-recognition").getCollection("decisions");
            assertSameAnswers(expected, actual, random);
        } finally {
            reference.shutdownNow();
        }
    }

    private static void assertSameAnswers(MongoCollection<Document> expected, MongoCollection<Document> actual, Random random) {
        for (int i = 0; i < 300; i++) {
            Bson query = randomQuery(random);
            assertThat(ids(actual.find(query))).as("find %s", query).isEqualTo(ids(expected.find(query)));
            assertThat(actual.countDocuments(query)).as("count %s", query).isEqualTo(expected.countDocuments(query));
        }
    }

    private static List<Object> ids(Iterable<Document> documents) {
        List<Object> ids = new ArrayList<>();
        documents.forEach(document -> ids.add(document.get("_id")));
        ids.sort(java.util.Comparator.comparing(String::valueOf));
        return ids;
    }

    /* Missing fields, nulls, numbers of three types, dates, arrays and embedded documents, as the services store them. */
    private static Document randomDecision(Random random, int i) {
        Document document = new Document("_id", "decision-" + i)
                .append("receivingInstitution", pick(random, "eur.nl", "uni.lodz.pl", "ucc.ie"))
                .append("decidedAt", new Date(1_700_000_000_000L + random.nextInt(1_000) * 60_000L));
        switch (random.nextInt(4)) {
            case 0 -> { }
            case 1 -> document.append("pendingPublication", null);
            default -> document.append("pendingPublication", random.nextBoolean());
        }
        switch (random.nextInt(4)) {
            case 0 -> document.append("unpublished", random.nextInt(3));
            case 1 -> document.append("unpublished", (long) random.nextInt(3));
            case 2 -> document.append("unpublished", (double) random.nextInt(3));
            default -> { }
        }
        document.append("learnerId", random.nextInt(10) == 0 ? List.of("learner-1", "learner-2") : "learner-" + random.nextInt(20));
        if (random.nextBoolean()) {
            document.append("credential", new Document("sourceCourseCode", pick(random, "INF-101", "MAT-201", "ECO-301")));
        }
        return document;
    }

    private static Bson randomQuery(Random random) {
        Date when = new Date(1_700_000_000_000L + random.nextInt(1_000) * 60_000L);
        return switch (random.nextInt(12)) {
            case 0 -> eq("pendingPublication", true);
            case 1 -> and(eq("pendingPublication", random.nextBoolean()), lt("decidedAt", when));
            case 2 -> gt("unpublished", 0);
            case 3 -> eq("unpublished", random.nextInt(3));
            case 4 -> and(eq("receivingInstitution", pick(random, "eur.nl", "ucc.ie")), eq("learnerId", "learner-" + random.nextInt(3)));
            case 5 -> eq("receivingInstitution", "uni.lodz.pl");
            case 6 -> and(eq("receivingInstitution", "eur.nl"), eq("credential.sourceCourseCode", pick(random, "INF-101", "ECO-301")));
            case 7 -> and(eq("receivingInstitution", "eur.nl"), gte("learnerId", "learner-1"), lte("learnerId", "learner-15"));
            case 8 -> eq("pendingPublication", null);
            case 9 -> and(eq("pendingPublication", true), lt("decidedAt", when), ne("receivingInstitution", "ucc.ie"));
            case 10 -> and(gte("unpublished", 1L), lt("unpublished", 2.5));
            default -> or(eq("pendingPublication", true), gt("unpublished", 1));
        };
    }

    private static String pick(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }
}
