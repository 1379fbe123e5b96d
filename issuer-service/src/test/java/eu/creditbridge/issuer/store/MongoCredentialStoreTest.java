package eu.creditbridge.issuer.store;

import static eu.creditbridge.issuer.CredentialFixtures.LEARNER;
import static eu.creditbridge.issuer.CredentialFixtures.courseResultFromLodz;
import static org.assertj.core.api.Assertions.assertThat;

import eu.creditbridge.issuer.InProcessMongo;
import eu.creditbridge.issuer.domain.CredentialStatus;
import eu.creditbridge.issuer.domain.EventKind;
import eu.creditbridge.issuer.domain.CredentialId;
import eu.creditbridge.issuer.domain.IssuedCredential;
import eu.creditbridge.issuer.domain.IssuedCredential.RevocationDecision;
import eu.creditbridge.issuer.domain.OutboxEntry;
import java.time.Instant;
import java.util.UUID;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MongoCredentialStoreTest {

    private static final InProcessMongo MONGO = new InProcessMongo();
    private static final Instant NOW = Instant.parse("2025-07-01T10:00:00Z");

    private MongoCredentialStore store;

    @BeforeEach
    void freshStore() {
        store = new MongoCredentialStore(MONGO.freshDatabase());
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @Test
    void aStoredCredentialReadsBackWithEveryElement() {
        var issued = IssuedCredential.issue(courseResultFromLodz(), NOW);

        assertThat(store.insert(issued)).isTrue();

        assertThat(store.find(issued.id())).contains(issued);
    }

    @Test
    void theSameIdIsStoredOnlyOnce() {
        var issued = IssuedCredential.issue(courseResultFromLodz(), NOW);
        store.insert(issued);

        assertThat(store.insert(IssuedCredential.issue(issued.credential(), NOW.plusSeconds(5)))).isFalse();
    }

    @Test
    void aBatchIsStoredInOneBulkWriteAndNamesThePositionsWhoseIdExisted() {
        var earlier = IssuedCredential.issue(courseResultFromLodz(), NOW);
        store.insert(earlier);
        var first = IssuedCredential.issue(courseResultFromLodz(CredentialId.random()), NOW);
        var second = IssuedCredential.issue(courseResultFromLodz(CredentialId.random()), NOW);

        var existing = store.insertAll(List.of(first, IssuedCredential.issue(earlier.credential(), NOW.plusSeconds(5)), second, first));

        assertThat(existing).containsExactlyInAnyOrder(1, 3);
        assertThat(store.find(first.id())).contains(first);
        assertThat(store.find(second.id())).contains(second);
        assertThat(store.find(earlier.id())).contains(earlier);
        assertThat(store.findAll(List.of(first.id(), earlier.id(), CredentialId.random())))
                .containsOnlyKeys(first.id(), earlier.id());
        assertThat(store.insertAll(List.of())).isEmpty();
    }

    @Test
    void revocationHappensOnlyWhileTheCredentialIsIssued() {
        var issued = IssuedCredential.issue(courseResultFromLodz(), NOW);
        store.insert(issued);
        var revoked = (RevocationDecision.Revoked) issued.revoke("Grade entered for the wrong learner", NOW);

        assertThat(store.recordRevocation(issued.id(), revoked.credential().revocation(), revoked.event())).isTrue();
        assertThat(store.recordRevocation(issued.id(), revoked.credential().revocation(),
                OutboxEntry.pending(EventKind.CREDENTIAL_REVOKED, NOW))).isFalse();

        var stored = store.find(issued.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(CredentialStatus.REVOKED);
        assertThat(stored.events()).extracting(OutboxEntry::kind)
                .containsExactly(EventKind.CREDENTIAL_ISSUED, EventKind.CREDENTIAL_REVOKED);
    }

    @Test
    void pendingEventsStayUntilMarkedPublished() {
        var issued = IssuedCredential.issue(courseResultFromLodz(), NOW);
        store.insert(issued);
        assertThat(store.withUnpublishedEvents(10)).containsExactly(issued.id());

        store.markPublished(issued.id(), 0, issued.events().get(0).eventId(), NOW.plusSeconds(1));
        // Marking twice (a relay retrying after a lost answer) changes nothing more.
        store.markPublished(issued.id(), 0, issued.events().get(0).eventId(), NOW.plusSeconds(2));

        assertThat(store.withUnpublishedEvents(10)).isEmpty();
        assertThat(store.find(issued.id()).orElseThrow().events().get(0).publishedAt()).isEqualTo(NOW.plusSeconds(1));
    }

    @Test
    void onlyOneRelayHoldsTheLeaseUntilItExpiresOrIsReleased() {
        var issued = IssuedCredential.issue(courseResultFromLodz(), NOW);
        store.insert(issued);
        var first = UUID.randomUUID();
        var second = UUID.randomUUID();

        assertThat(store.leaseForPublishing(issued.id(), first, NOW, NOW.plusSeconds(60))).isPresent();
        assertThat(store.leaseForPublishing(issued.id(), second, NOW.plusSeconds(1), NOW.plusSeconds(61))).isEmpty();
        assertThat(store.leaseForPublishing(issued.id(), second, NOW.plusSeconds(61), NOW.plusSeconds(121))).isPresent();

        store.releaseLease(issued.id(), first);  // no longer the holder: changes nothing
        assertThat(store.leaseForPublishing(issued.id(), first, NOW.plusSeconds(62), NOW.plusSeconds(122))).isEmpty();
        store.releaseLease(issued.id(), second);
        assertThat(store.leaseForPublishing(issued.id(), first, NOW.plusSeconds(63), NOW.plusSeconds(123))).isPresent();
    }

    @Test
    void aLearnersCredentialsAreListedNewestFirst() {
        var older = IssuedCredential.issue(courseResultFromLodz(), NOW);
        var newer = IssuedCredential.issue(courseResultFromLodz(), NOW.plusSeconds(3600));
        store.insert(older);
        store.insert(newer);

        assertThat(store.findByLearner(LEARNER, 0, 10)).extracting(IssuedCredential::id)
                .containsExactly(newer.id(), older.id());
        assertThat(store.findByLearner(LEARNER, 1, 1)).extracting(IssuedCredential::id).containsExactly(older.id());
    }
}
