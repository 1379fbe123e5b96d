package eu.creditbridge.issuer.application;

import eu.creditbridge.issuer.domain.SigningKey;
import eu.creditbridge.kernel.SchacCode;

/** The alliance registry's list of signing keys, which recognition-services verify credentials against. */
public interface TrustRegistry {

    /**
     * Lists (or updates) the public part of the key for the institution.
     *
     * @throws TrustRegistryUnavailable when the registry did not answer; the key stays pending and is retried
     * @throws KeyRefused               when the registry answered no; the key stays pending and is retried too, but
     *                                  someone must act first (the reason says who)
     */
    void register(SchacCode institution, SigningKey key);

    final class TrustRegistryUnavailable extends RuntimeException {
        public TrustRegistryUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The registry refused the key: this service's account was not accepted (401), may not register keys for the
     * institution (403), or the registry lists the key id with other material (409: never replaced).
     */
    final class KeyRefused extends RuntimeException {
        public KeyRefused(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
