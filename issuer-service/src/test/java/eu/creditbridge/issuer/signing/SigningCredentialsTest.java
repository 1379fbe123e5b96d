package eu.creditbridge.issuer.signing;

import static eu.creditbridge.issuer.CredentialFixtures.LODZ;
import static eu.creditbridge.issuer.CredentialFixtures.LODZ_OFFICER;
import static eu.creditbridge.issuer.CredentialFixtures.courseResultFromLodz;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.OctetKeyPair;
import eu.creditbridge.contract.CredentialCanonicalForm;
import eu.creditbridge.issuer.InProcessMongo;
import eu.creditbridge.issuer.application.CredentialOutbox;
import eu.creditbridge.issuer.application.PendingEvent;
import eu.creditbridge.messaging.outbox.BatchPublisher;
import eu.creditbridge.messaging.outbox.OutboxRelay;
import eu.creditbridge.issuer.application.IssuingCredential;
import eu.creditbridge.issuer.application.KeepingSigningKeys;
import eu.creditbridge.issuer.application.SigningKeyStore;
import eu.creditbridge.issuer.application.OutboxTrigger;
import eu.creditbridge.issuer.application.TrustRegistry;
import eu.creditbridge.issuer.domain.Credential;
import eu.creditbridge.issuer.domain.CredentialSignature;
import eu.creditbridge.issuer.domain.IssuerEvent;
import eu.creditbridge.issuer.domain.SigningKey;
import eu.creditbridge.issuer.messaging.CredentialEventMapping;
import eu.creditbridge.issuer.store.MongoCredentialStore;
import eu.creditbridge.issuer.store.MongoSigningKeyStore;
import eu.creditbridge.kernel.SchacCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signing on issue, the outbox waiting for the registry, and rotation, on the wire-protocol store. */
class SigningCredentialsTest {

    private static final InProcessMongo MONGO = new InProcessMongo();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-07-01T10:00:00Z"), ZoneOffset.UTC);

    /** Stands in for the registry-service: records what it was sent, or refuses while "down". */
    static final class RecordingRegistry implements TrustRegistry {
        final List<SigningKey> registered = new ArrayList<>();
        boolean down;

        @Override
        public void register(SchacCode institution, SigningKey key) {
            if (down) {
                throw new TrustRegistryUnavailable("connection refused", new RuntimeException());
            }
            registered.add(key);
        }
    }

    private final List<IssuerEvent> published = new ArrayList<>();
    private final BatchPublisher<PendingEvent> publisher = BatchPublisher.oneByOne(event -> published.add(event.event()));
    private MongoCredentialStore credentials;
    private MongoSigningKeyStore keyStore;
    private RecordingRegistry registry;

    @BeforeEach
    void freshService() {
        var database = MONGO.freshDatabase();
        credentials = new MongoCredentialStore(database);
        keyStore = new MongoSigningKeyStore(database);
        registry = new RecordingRegistry();
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    private KeepingSigningKeys keys(Clock clock) {
        return new KeepingSigningKeys(keyStore, new Ed25519SigningKeyFactory(), registry, clock, LocalDate.of(2000, 1, 1));
    }

    private IssuingCredential issuing(KeepingSigningKeys keys) {
        return new IssuingCredential(credentials, OutboxTrigger.NONE, CLOCK, keys, new JwsCredentialSigner());
    }

    private OutboxRelay<PendingEvent> relay(KeepingSigningKeys keys) {
        return new OutboxRelay<>("credentials", new CredentialOutbox(credentials, CLOCK, Duration.ofMinutes(2),
                c -> c.signature() == null || keys.registered(c.credential().issuingInstitution(), c.signature().keyId())), publisher, 100);
    }

    /** What a verifier does: the header's kid, the canonical form of what arrived, the listed public key. */
    private static boolean verifies(Credential credential, CredentialSignature signature, SigningKey key) throws Exception {
        JWSObject jws = JWSObject.parse(signature.jws(), new Payload(CredentialCanonicalForm.bytes(CredentialEventMapping.unsigned(credential))));
        assertThat(jws.getHeader().getKeyID()).isEqualTo(key.keyId());
        assertThat(jws.getHeader().getAlgorithm().getName()).isEqualTo("EdDSA");
        return jws.verify(new Ed25519Verifier(OctetKeyPair.parse(key.publicJwk())));
    }

    @Test
    void issuedCredentialCarriesADetachedJwsOfTheFirstKeyWhichIsMadeAndRegisteredOnFirstUse() throws Exception {
        var keys = keys(CLOCK);
        var issued = issuing(keys).issue(courseResultFromLodz(), LODZ_OFFICER).credential();

        SigningKey key = keys.keys(LODZ).get(0);
        assertThat(issued.signature().jws()).matches("[A-Za-z0-9_-]+\\.\\.[A-Za-z0-9_-]+");
        assertThat(issued.signature().keyId()).isEqualTo(key.keyId());
        assertThat(verifies(issued.credential(), issued.signature(), key)).isTrue();
        assertThat(key.registered()).isTrue();
        assertThat(registry.registered).extracting(SigningKey::keyId).containsExactly(key.keyId());
        assertThat(key.publicJwk()).doesNotContain("\"d\"");
        assertThat(credentials.find(issued.id()).orElseThrow().signature()).isEqualTo(issued.signature());
    }

    @Test
    void tamperedCredentialNoLongerVerifies() throws Exception {
        var keys = keys(CLOCK);
        var issued = issuing(keys).issue(courseResultFromLodz(), LODZ_OFFICER).credential();
        var other = courseResultFromLodz(issued.id());
        assertThat(verifies(other, issued.signature(), keys.keys(LODZ).get(0))).isTrue();
        var forged = issuing(keys).issue(courseResultFromLodz(), LODZ_OFFICER).credential();
        // Same content under another id: the signature of one does not fit the other.
        assertThat(verifies(forged.credential(), issued.signature(), keys.keys(LODZ).get(0))).isFalse();
    }

    @Test
    void credentialSignedWithAKeyTheRegistryHasNotConfirmedWaitsInTheOutbox() {
        registry.down = true;
        var keys = keys(CLOCK);
        var issued = issuing(keys).issue(courseResultFromLodz(), LODZ_OFFICER).credential();
        assertThat(keys.keys(LODZ).get(0).registered()).isFalse();

        assertThat(relay(keys).relayPending()).isZero();
        assertThat(published).isEmpty();

        registry.down = false;
        assertThat(relay(keys).relayPending()).isEqualTo(1);
        var event = (IssuerEvent.CredentialIssued) published.get(0);
        assertThat(event.signature()).isEqualTo(issued.signature().jws());
        assertThat(CredentialEventMapping.toAvro(event).getPayload()).hasFieldOrPropertyWithValue("signature", issued.signature().jws());
        assertThat(keys.keys(LODZ).get(0).registered()).isTrue();
    }

    @Test
    void rotationClosesTheOldKeyKeepsItListedAndSignsNewCredentialsWithTheNewKey() throws Exception {
        var before = keys(CLOCK);
        var old = issuing(before).issue(courseResultFromLodz(), LODZ_OFFICER).credential();   // issued on 2025-06-27
        SigningKey oldKey = before.keys(LODZ).get(0);

        var rotatedOn = Clock.fixed(Instant.parse("2025-06-20T08:00:00Z"), ZoneOffset.UTC);
        var ring = keys(rotatedOn).rotate(LODZ);

        SigningKey closed = ring.key(oldKey.keyId()).orElseThrow();
        SigningKey current = ring.keys().stream().filter(SigningKey::current).findFirst().orElseThrow();
        assertThat(closed.validUntil()).isEqualTo(LocalDate.of(2025, 6, 20));
        assertThat(current.validFrom()).isEqualTo(LocalDate.of(2025, 6, 20));
        assertThat(ring.keys()).allMatch(SigningKey::registered);
        // The registry heard of the new key and of the old key's closed validity.
        assertThat(registry.registered).extracting(SigningKey::keyId).contains(current.keyId());
        assertThat(registry.registered).anyMatch(k -> k.keyId().equals(oldKey.keyId()) && LocalDate.of(2025, 6, 20).equals(k.validUntil()));

        var fresh = issuing(keys(CLOCK)).issue(courseResultFromLodz(), LODZ_OFFICER).credential();
        assertThat(fresh.signature().keyId()).isEqualTo(current.keyId());
        assertThat(verifies(fresh.credential(), fresh.signature(), current)).isTrue();
        // The older credential still verifies with the old, closed key.
        assertThat(verifies(old.credential(), old.signature(), closed)).isTrue();
    }

    /** Counts the reads of the key store, so a test can see the ring is not read per credential. */
    static final class CountingKeyStore implements SigningKeyStore {
        final SigningKeyStore store;
        int finds;

        CountingKeyStore(SigningKeyStore store) {
            this.store = store;
        }

        @Override
        public java.util.Optional<Versioned> find(SchacCode institution) {
            finds++;
            return store.find(institution);
        }

        @Override
        public boolean insert(eu.creditbridge.issuer.domain.SigningKeyRing ring) {
            return store.insert(ring);
        }

        @Override
        public boolean replace(eu.creditbridge.issuer.domain.SigningKeyRing ring, long revision) {
            return store.replace(ring, revision);
        }
    }

    @Test
    void aBatchReadsItsInstitutionsKeyRingOnceAndARotationHereSignsTheNextCredentialAtOnce() throws Exception {
        var counting = new CountingKeyStore(keyStore);
        var keys = new KeepingSigningKeys(counting, new Ed25519SigningKeyFactory(), registry, CLOCK, LocalDate.of(2000, 1, 1),
                Duration.ofMinutes(10));
        keys.keyFor(LODZ, LocalDate.of(2025, 6, 27));   // the first key made and registered: reads of its own
        int readsBefore = counting.finds;

        var outcomes = issuing(keys).issueAll(java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> courseResultFromLodz(eu.creditbridge.issuer.domain.CredentialId.random())).toList(), LODZ_OFFICER);

        assertThat(outcomes).hasSize(50).allMatch(o -> o instanceof IssuingCredential.BatchOutcome.Accepted);
        assertThat(counting.finds - readsBefore).as("key store reads for 50 credentials").isZero();

        var ring = keys.rotate(LODZ);
        SigningKey current = ring.keys().stream().filter(SigningKey::current).findFirst().orElseThrow();
        // Today's credentials are signed with the new key at once (no stale ring), older ones still with the old key.
        assertThat(keys.keyFor(LODZ, LocalDate.now(CLOCK)).keyId()).isEqualTo(current.keyId());
        assertThat(keys.keyFor(LODZ, LocalDate.of(2025, 6, 27)).keyId()).isNotEqualTo(current.keyId());
    }
}
