package eu.creditbridge.issuer.application;

import eu.creditbridge.issuer.domain.CredentialId;

/**
 * Told when a credential has recorded new events, so they can be published at once instead of at
 * the relay's next round. Only a shortcut: the scheduled relay publishes them anyway.
 */
@FunctionalInterface
public interface OutboxTrigger {

    void eventsRecorded(CredentialId id);

    /** For when the relay is switched off (tests, maintenance): events wait in the outbox. */
    OutboxTrigger NONE = id -> { };
}
