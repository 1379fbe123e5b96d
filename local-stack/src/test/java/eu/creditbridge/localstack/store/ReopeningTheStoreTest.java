package eu.creditbridge.localstack.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a store costs what the file lists, not what it holds: no document is read back to rebuild an index, and a
 * file the library's own H2 backend wrote (Java-serialised documents, as this project's store did before) is moved to
 * the BSON format once, on its first open, and answers the same afterwards.
 */
class ReopeningTheStoreTest {

    /**
     * 3,000 in {@code ./mvnw verify}; {@code -Dreopen.decisions=22000} gives the figures of a semester's store (each
     * decision about 1.5 KB with its reasons, as recognition writes them), printed as {@code [reopen]} lines.
     */
    private static final int DECISIONS = Integer.getInteger("reopen.decisions", 3_000);
    /** Every 50th decision waits for publication; the cut-off is half way through. */
    private static final long PENDING_BEFORE_CUT_OFF = (DECISIONS / 2 + 49) / 50;
    /** Decisions go to 300 learners round robin. */
    private static final long DECISIONS_OF_LEARNER_7 = (DECISIONS - 7 + 299) / 300;
    private static final String REASONS = "Course equivalence INF-101 -> EUR-INF-101 (rule equivalence, priority 100); "
            .repeat(12);
    private static final Date CUT_OFF = new Date(1_700_000_000_000L + DECISIONS / 2 * 1_000L);

    @TempDir
    Path dir;

    @Test
    void reopeningAStoreWithIndexedCollectionsReadsNoDocument() {
        String file = dir.resolve("store.mv").toString();
        DecisionsCollection.on(new IndexedH2Backend(file), this::fillWithDecisions);

        long decodedBefore = BsonDocumentType.documentsDecoded();
        long opening = System.nanoTime();
        IndexedH2Backend reopened = new IndexedH2Backend(file);
        long decodedByOpening = BsonDocumentType.documentsDecoded() - decodedBefore;
        System.out.printf("[reopen] %,d decisions, %.1f MB file: opened in %.2f s, %d documents decoded%n", DECISIONS,
                megabytes(file), (System.nanoTime() - opening) / 1e9, decodedByOpening);

        assertThat(reopened.migration().happened()).isFalse();
        assertThat(reopened.documentCount()).isEqualTo(DECISIONS);
        // the databases' own lists of collections and indexes, a handful of documents, whatever the data holds
        assertThat(decodedByOpening).isLessThan(20);
        DecisionsCollection.on(reopened, decisions -> {
            long decodedBeforeSweep = BsonDocumentType.documentsDecoded();
            assertThat(decisions.countDocuments(and(eq("pendingPublication", true), lt("decidedAt", CUT_OFF)))).isEqualTo(PENDING_BEFORE_CUT_OFF);
            // the sweep reads the pages holding its candidates (a page decodes whole), not every document
            assertThat(BsonDocumentType.documentsDecoded() - decodedBeforeSweep).isLessThan(DECISIONS / 10);
        });
    }

    @Test
    void aQueryNoIndexNarrowsIsCountedAsAFullScanAndAnIndexedOneIsNot() {
        String file = dir.resolve("scans.mv").toString();
        DecisionsCollection.on(new IndexedH2Backend(file), decisions -> {
            fillWithDecisions(decisions);
            long before = FullScans.of("creditbridge-recognition.decisions");

            decisions.countDocuments(and(eq("pendingPublication", true), lt("decidedAt", CUT_OFF)));
            decisions.find(and(eq("receivingInstitution", "eur.nl"), eq("learnerId", "learner-7"))).into(new ArrayList<>());
            assertThat(FullScans.of("creditbridge-recognition.decisions")).isEqualTo(before);

            decisions.find(eq("credential.title", "Data Science 7")).into(new ArrayList<>());
            assertThat(FullScans.of("creditbridge-recognition.decisions")).isEqualTo(before + 1);
        });
        assertThat(FullScans.shapeOf(new de.bwaldvogel.mongo.bson.Document("learnerId", "learner-7")
                .append("decidedAt", new de.bwaldvogel.mongo.bson.Document("$lt", new Date())))).isEqualTo("{learnerId: ?, decidedAt: {$lt: ?}}");
    }

    @Test
    void aFileWrittenWithJavaSerialisedDocumentsIsMovedToBsonOnceAndAnswersTheSame() {
        String file = dir.resolve("legacy.mv").toString();
        H2Backend legacy = new H2Backend(file);
        DecisionsCollection.on(legacy, this::fillWithDecisions);

        double legacyMegabytes = megabytes(file);
        IndexedH2Backend migrated = new IndexedH2Backend(file);
        System.out.printf("[reopen] %,d decisions in a %.1f MB Java-serialised file: moved to BSON in %.2f s (%d collections, %,d documents)%n",
                DECISIONS, legacyMegabytes, migrated.migration().took().toMillis() / 1000.0, migrated.migration().collections(),
                migrated.migration().documents());
        assertThat(migrated.migration().happened()).isTrue();
        assertThat(migrated.migration().documents()).isGreaterThanOrEqualTo(DECISIONS);
        DecisionsCollection.on(migrated, this::answersAsFilled);

        IndexedH2Backend again = new IndexedH2Backend(file);
        assertThat(again.migration().happened()).isFalse();
        DecisionsCollection.on(again, this::answersAsFilled);
    }

    private void fillWithDecisions(MongoCollection<Document> decisions) {
        decisions.createIndex(Indexes.ascending("pendingPublication", "decidedAt"));
        decisions.createIndex(Indexes.ascending("receivingInstitution", "learnerId"), new IndexOptions().name("by-learner"));
        List<Document> batch = new ArrayList<>();
        IntStream.range(0, DECISIONS).forEach(i -> {
            batch.add(new Document("_id", "credential-" + i + "@eur.nl").append("receivingInstitution", "eur.nl")
                    .append("learnerId", "learner-" + i % 300).append("pendingPublication", i % 50 == 0)
                    .append("decidedAt", new Date(1_700_000_000_000L + i * 1_000L))
                    .append("credential", new Document("title", "Data Science " + i).append("ects", 6.0)
                            .append("awardingBodies", List.of("uni.lodz.pl")))
                    .append("reasons", List.of(REASONS)));
            if (batch.size() == 500) {
                decisions.insertMany(batch);
                batch.clear();
            }
        });
    }

    private void answersAsFilled(MongoCollection<Document> decisions) {
        assertThat(decisions.countDocuments()).isEqualTo(DECISIONS);
        assertThat(decisions.countDocuments(and(eq("pendingPublication", true), lt("decidedAt", CUT_OFF)))).isEqualTo(PENDING_BEFORE_CUT_OFF);
        assertThat(decisions.countDocuments(and(eq("receivingInstitution", "eur.nl"), eq("learnerId", "learner-7")))).isEqualTo(DECISIONS_OF_LEARNER_7);
        Document one = decisions.find(eq("_id", "credential-42@eur.nl")).first();
        assertThat(one.get("credential", Document.class).getList("awardingBodies", String.class)).containsExactly("uni.lodz.pl");
        assertThat(one.getDate("decidedAt")).isEqualTo(new Date(1_700_000_042_000L));
    }

    private static double megabytes(String file) {
        return new java.io.File(file).length() / 1_048_576.0;
    }
}
