package eu.creditbridge.issuer.application;

import eu.creditbridge.issuer.domain.InvalidValueException;
import eu.creditbridge.issuer.domain.SigningKey;
import eu.creditbridge.issuer.domain.SigningKeyRing;
import eu.creditbridge.kernel.SchacCode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The institutions' signing keys: made on first use, registered at the alliance registry, rotated on request.
 *
 * <p>A key is <em>pending</em> until the registry confirmed it (in its current validity); a credential signed with
 * a pending key waits in the outbox ({@link #registered}), because recognition could not verify it yet. Rotation
 * closes the current key's validity at today (its last issue date) and adds a new one valid from today; the old key
 * stays listed, so credentials issued under it keep verifying.
 */
public class KeepingSigningKeys {

    private static final Logger LOG = LoggerFactory.getLogger(KeepingSigningKeys.class);
    private static final int ATTEMPTS = 5;
    public static final Duration DEFAULT_RING_TIME_TO_LIVE = Duration.ofSeconds(10);
    private static final int MAX_CACHED_RINGS = 10_000;

    private final SigningKeyStore store;
    private final SigningKeyFactory factory;
    private final TrustRegistry registry;
    private final Clock clock;
    private final LocalDate firstKeyValidFrom;
    /**
     * The rings keys are chosen from, so a batch of a thousand credentials (or a thousand single requests) reads its
     * institution's ring once, not once per credential. Changes made here replace the entry at once; a rotation by
     * another instance is seen within the time to live: until then credentials are signed with the key rotated away
     * from, still valid on the rotation day.
     */
    private final Cache<SchacCode, SigningKeyRing> rings;

    /**
     * @param firstKeyValidFrom first issue date an institution's first key signs for: issuers record results of
     *                          earlier years too, and those must be signed (and verifiable) like today's
     * @param ringTimeToLive    how long a ring read from the store is used to choose signing keys
     */
    public KeepingSigningKeys(SigningKeyStore store, SigningKeyFactory factory, TrustRegistry registry, Clock clock,
                              LocalDate firstKeyValidFrom, Duration ringTimeToLive) {
        this.store = store;
        this.factory = factory;
        this.registry = registry;
        this.clock = clock;
        this.firstKeyValidFrom = firstKeyValidFrom;
        this.rings = Caffeine.newBuilder().expireAfterWrite(ringTimeToLive).maximumSize(MAX_CACHED_RINGS).build();
    }

    public KeepingSigningKeys(SigningKeyStore store, SigningKeyFactory factory, TrustRegistry registry, Clock clock,
                              LocalDate firstKeyValidFrom) {
        this(store, factory, registry, clock, firstKeyValidFrom, DEFAULT_RING_TIME_TO_LIVE);
    }

    /** The key to sign a credential issued on that date; the institution's first key is made (and registered) on first use. */
    public SigningKey keyFor(SchacCode institution, LocalDate issueDate) {
        SigningKeyRing ring = rings.getIfPresent(institution);
        if (ring == null) {
            // Not through the cache's loader: making the first key changes the ring, which replaces this very entry.
            ring = store.find(institution).map(SigningKeyStore.Versioned::ring).orElseGet(() -> firstRing(institution));
            rings.put(institution, ring);
        }
        return ring.forIssueDate(issueDate).orElseThrow(() -> new InvalidValueException("issuedOn",
                "no signing key of " + institution + " covers the issue date " + issueDate));
    }

    /** Public parts only are for the outside; the caller decides what to show. */
    public List<SigningKey> keys(SchacCode institution) {
        return store.find(institution).map(v -> v.ring().keys()).orElse(List.of());
    }

    public SigningKeyRing rotate(SchacCode institution) {
        LocalDate today = LocalDate.now(clock);
        if (store.find(institution).isEmpty()) {
            firstRing(institution);
        }
        SigningKey next = factory.generate(newKeyId(institution), today);
        SigningKeyRing rotated = change(institution, ring -> ring.rotatedTo(next, today));
        return registerPending(institution).orElse(rotated);
    }

    /**
     * Whether the registry lists the key in its current state; tries to register pending keys first. What the outbox
     * relay asks before it publishes a credential signed with the key.
     */
    public boolean registered(SchacCode institution, String keyId) {
        Optional<SigningKeyRing> ring = store.find(institution).map(SigningKeyStore.Versioned::ring);
        if (ring.flatMap(r -> r.key(keyId)).map(SigningKey::registered).orElse(false)) {
            return true;
        }
        return registerPending(institution).flatMap(r -> r.key(keyId)).map(SigningKey::registered).orElse(false);
    }

    /** Sends every pending key to the registry; a key it confirms is marked registered. */
    public Optional<SigningKeyRing> registerPending(SchacCode institution) {
        Optional<SigningKeyStore.Versioned> found = store.find(institution);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SigningKeyRing ring = found.get().ring();
        for (SigningKey key : ring.pendingRegistration()) {
            try {
                registry.register(institution, key);
                ring = change(institution, r -> r.key(key.keyId()).filter(k -> k.equals(key)).isPresent() ? r.withRegistered(key.keyId()) : r);
            } catch (TrustRegistry.TrustRegistryUnavailable e) {
                LOG.warn("The registry did not confirm signing key {} of {}; credentials signed with it wait: {}",
                        key.keyId(), institution, e.getMessage());
            } catch (TrustRegistry.KeyRefused e) {
                // Not a passing outage: nothing is published for this institution until someone acts on the reason.
                LOG.error("The registry REFUSED signing key {} of {}; credentials signed with it wait in the outbox: {}",
                        key.keyId(), institution, e.getMessage());
            }
        }
        return Optional.of(ring);
    }

    private SigningKeyRing firstRing(SchacCode institution) {
        SigningKeyRing first = SigningKeyRing.firstKey(institution, factory.generate(newKeyId(institution), firstKeyValidFrom));
        if (store.insert(first)) {
            rings.invalidate(institution);
            LOG.info("Made the first signing key of {}: {}", institution, first.keys().get(0));
            return registerPending(institution).orElse(first);
        }
        // Another request made it first: use that one, there is only ever one current key.
        return store.find(institution).orElseThrow().ring();
    }

    private SigningKeyRing change(SchacCode institution, UnaryOperator<SigningKeyRing> change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            SigningKeyStore.Versioned current = store.find(institution).orElseThrow();
            SigningKeyRing changed = change.apply(current.ring());
            if (changed.equals(current.ring()) || store.replace(changed, current.revision())) {
                rings.invalidate(institution);
                return changed;
            }
        }
        throw new IllegalStateException("the signing keys of " + institution + " kept changing concurrently; try again");
    }

    /** Readable and unique: institution, day of creation, and a random suffix for two rotations on one day. */
    private String newKeyId(SchacCode institution) {
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return institution.value() + "-" + LocalDate.now(clock) + "-" + HexFormat.of().formatHex(random);
    }
}
