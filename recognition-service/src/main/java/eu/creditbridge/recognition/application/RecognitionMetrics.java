package eu.creditbridge.recognition.application;

import eu.creditbridge.recognition.domain.RecognitionDecision;
import java.time.Instant;
import java.util.Optional;

/**
 * What the recognition use cases tell monitoring; a port so neither domain nor application depends on a metrics
 * library (config implements it with Micrometer).
 */
public interface RecognitionMetrics {

    /** Reports nothing (unit tests, and wiring without monitoring). */
    RecognitionMetrics NONE = (decision, occurredAt) -> { };

    /**
     * A new decision was stored by this call: not a redelivery that found one stored already.
     *
     * @param occurredAt when the credential event that led to it happened, if known; the latency is measured from it
     */
    void decisionStored(RecognitionDecision decision, Optional<Instant> occurredAt);

    /**
     * A stored decision got a new revision by this call (not a repeat that found it revised already). Counted
     * apart from {@link #decisionStored}, which counts first decisions only.
     *
     * @param revision the new revision as stored: its outcome and decidedBy are the metric's tags
     * @param cause why it was revised
     */
    default void decisionRevised(RecognitionDecision revision, RevisionCause cause) {
        // Reports nothing unless an implementation counts revisions (keeps lambdas of decisionStored valid).
    }

    /**
     * A revocation was not honoured because it did not come from the credential's issuer.
     *
     * @param reason the metric's tag, e.g. {@link RevocationRefused#NOT_THE_ISSUER}
     */
    default void revocationRefused(String reason) {
        // Reports nothing unless an implementation counts refusals.
    }
}
