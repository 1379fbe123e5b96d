package eu.creditbridge.issuer.application;

import eu.creditbridge.issuer.domain.SchacCode;
import eu.creditbridge.issuer.domain.SigningKey;

/** The alliance registry's list of signing keys, which recognition-services verify credentials against. */
public interface TrustRegistry {

    /**
     * Lists (or updates) the public part of the key for the institution.
     *
     * @throws TrustRegistryUnavailable when the registry did not confirm it; the key stays pending and is retried
     */
    void register(SchacCode institution, SigningKey key);

    final class TrustRegistryUnavailable extends RuntimeException {
        public TrustRegistryUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
