package eu.creditbridge.localstack.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.util.List;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The index narrows a sweep to the documents it asks for, instead of handing the whole collection to the matcher. */
class SecondaryIndexTest {

    private static final Instant NOON = Instant.parse("2026-11-23T12:00:00Z");

    private final MVStore store = MVStore.open(null);
    private final SecondaryIndex outbox = new SecondaryIndex("pending", List.of(new IndexKey("pendingPublication", true),
            new IndexKey("decidedAt", true)), false, store, "db.decisions._secondary_pending");

    @BeforeEach
    void fill() {
        outbox.add(decision("published-1", false, NOON.minusSeconds(60)), "published-1", null);
        outbox.add(decision("published-2", false, NOON.minusSeconds(30)), "published-2", null);
        outbox.add(decision("pending-old", true, NOON.minusSeconds(60)), "pending-old", null);
        outbox.add(decision("pending-new", true, NOON.plusSeconds(60)), "pending-new", null);
        outbox.add(new Document("_id", "never-published"), "never-published", null);
    }

    @Test
    void anOutboxSweepReadsOnlyThePendingDecisionsOlderThanItsCutOff() {
        Document sweep = new Document("$and", List.of(new Document("pendingPublication", true),
                new Document("decidedAt", new Document("$lt", NOON))));

        assertThat(outbox.getPositions(sweep)).containsExactly("pending-old");
        assertThat(outbox.getPositions(new Document("pendingPublication", true))).containsExactlyInAnyOrder("pending-old", "pending-new");
    }

    @Test
    void aQueryThatDoesNotPinTheFirstKeyIsLeftToTheScan() {
        assertThat(outbox.canHandle(new Document("decidedAt", new Document("$lt", NOON)))).isFalse();
        assertThat(outbox.canHandle(new Document("pendingPublication", new Document("$ne", true)))).isFalse();
        assertThat(outbox.canHandle(new Document("pendingPublication", null))).isFalse();
        assertThat(outbox.selectivity(new Document("pendingPublication", true).append("decidedAt", new Document("$lt", NOON)))).isEqualTo(2);
    }

    @Test
    void aDecisionLeavesTheSweepOnceItIsPublishedAndIsForgottenWhenDeleted() {
        Document pending = decision("pending-old", true, NOON.minusSeconds(60));
        Document published = decision("pending-old", false, NOON.minusSeconds(60));

        outbox.updateInPlace(pending, published, "pending-old", null);
        assertThat(outbox.getPositions(new Document("pendingPublication", true))).containsExactly("pending-new");

        assertThat(outbox.remove(published)).isEqualTo("pending-old");
        assertThat(outbox.getPositions(new Document("pendingPublication", false))).containsExactlyInAnyOrder("published-1", "published-2");
        assertThat(outbox.getCount()).isEqualTo(4);
    }

    @Test
    void anUpdateOfOtherFieldsLeavesTheIndexUntouched() {
        Document before = decision("pending-old", true, NOON.minusSeconds(60));
        Document after = decision("pending-old", true, NOON.minusSeconds(60)).append("reasons", List.of("re-read"));
        store.commit();
        long unsavedBefore = store.getUnsavedMemory();

        outbox.updateInPlace(before, after, "pending-old", null);

        assertThat(store.getUnsavedMemory()).isEqualTo(unsavedBefore);
        assertThat(store.hasUnsavedChanges()).isFalse();
        assertThat(outbox.getPositions(new Document("pendingPublication", true))).containsExactlyInAnyOrder("pending-old", "pending-new");
        assertThat(outbox.getCount()).isEqualTo(5);
    }

    @Test
    void aDocumentWithAnArrayInAKeyIsACandidateForEveryQuery() {
        outbox.add(new Document("_id", "odd").append("pendingPublication", List.of(true, false)), "odd", null);

        assertThat(outbox.getPositions(new Document("pendingPublication", true))).contains("odd");
        assertThat(outbox.getPositions(new Document("pendingPublication", false))).contains("odd");
    }

    private static Document decision(String id, boolean pending, Instant decidedAt) {
        return new Document("_id", id).append("pendingPublication", pending).append("decidedAt", decidedAt);
    }
}
