package eu.creditbridge.issuer.web;

import eu.creditbridge.issuer.application.DecisionStore.ReceivedDecision;
import eu.creditbridge.issuer.domain.RecognitionDecision;
import eu.creditbridge.issuer.web.CredentialResponse.Recognition;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One decision on one of the caller's institution's credentials, as its feed lists it: which credential and learner,
 * when this service stored the revision ({@code receivedAt}: the next poll's {@code since}), and the decision itself
 * in the same shape as a credential's {@code recognitions}.
 */
public record DecisionResponse(UUID credentialId, String issuingInstitution, String learnerId, Instant receivedAt,
                               Recognition decision) {

    static DecisionResponse from(ReceivedDecision received) {
        RecognitionDecision d = received.decision();
        return new DecisionResponse(d.credentialId().value(), d.issuingInstitution().value(),
                d.learnerId() == null ? null : d.learnerId().value(), received.receivedAt(), Recognition.from(d));
    }

    /** A page of an institution's decisions, oldest stored first. */
    public record Page(List<DecisionResponse> items, int page, int size) {
    }

    /** Every receiving institution's latest decision on one credential. */
    public record OfCredential(UUID credentialId, List<Recognition> recognitions) {
    }
}
