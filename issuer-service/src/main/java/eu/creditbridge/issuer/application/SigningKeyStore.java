package eu.creditbridge.issuer.application;

import eu.creditbridge.issuer.domain.SigningKeyRing;
import eu.creditbridge.kernel.SchacCode;
import java.util.Optional;

/** Where each institution's key ring lives: one document per institution, changed by conditional writes. */
public interface SigningKeyStore {

    record Versioned(SigningKeyRing ring, long revision) {
    }

    Optional<Versioned> find(SchacCode institution);

    /** Stores a first ring; false if another request created one meanwhile (the caller reloads). */
    boolean insert(SigningKeyRing ring);

    /** Replaces the ring if it is still at {@code revision}; false if it changed meanwhile (the caller reloads). */
    boolean replace(SigningKeyRing ring, long revision);
}
