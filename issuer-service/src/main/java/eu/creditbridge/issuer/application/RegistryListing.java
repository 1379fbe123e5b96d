package eu.creditbridge.issuer.application;

import eu.creditbridge.issuer.application.TrustRegistry.TrustRegistryUnavailable;
import eu.creditbridge.kernel.SchacCode;

/** Which institutions the alliance registry lists: only a listed institution's decisions are kept here for it to read. */
@FunctionalInterface
public interface RegistryListing {

    /** @throws TrustRegistryUnavailable when the registry did not answer (the decision is retried, not dropped) */
    boolean lists(SchacCode institution);
}
