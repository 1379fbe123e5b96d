package eu.creditbridge.issuer.application;

import eu.creditbridge.issuer.domain.IssuerEvent;

/** Hands a credential event to partners; returns only once the event is durably accepted. */
public interface EventPublisher {

    /** @throws EventPublishingFailed if the event was not acknowledged; it will be tried again later */
    void publish(IssuerEvent event);
}
