package eu.creditbridge.recognition.config;

import eu.creditbridge.recognition.application.RecognitionMetrics;
import eu.creditbridge.recognition.application.RevisionCause;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code creditbridge.decisions} (counter of first decisions, tags outcome and decidedBy),
 * {@code creditbridge.decision.revisions} (counter of later revisions, tags outcome, decidedBy and cause) and
 * {@code creditbridge.recognition.latency} (histogram of the time from the credential event to its decision) and
 * {@code creditbridge.revocations.refused} (counter of revocations not from the credential's issuer, tag reason) in
 * /actuator/prometheus.
 */
@Component
class MicrometerRecognitionMetrics implements RecognitionMetrics {

    static final String DECISIONS = "creditbridge.decisions";
    static final String REVISIONS = "creditbridge.decision.revisions";
    static final String LATENCY = "creditbridge.recognition.latency";
    static final String REVOCATIONS_REFUSED = "creditbridge.revocations.refused";

    private final MeterRegistry registry;
    private final Clock clock;
    private final Timer latency;

    MicrometerRecognitionMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.latency = Timer.builder(LATENCY)
                .description("From the credential event's occurredAt to its decision being stored")
                .publishPercentileHistogram()
                .register(registry);
    }

    @Override
    public void decisionStored(RecognitionDecision decision, Optional<Instant> occurredAt) {
        Counter.builder(DECISIONS)
                .description("First decisions stored (revisions are counted in " + REVISIONS + ")")
                .tag("outcome", decision.outcome().name())
                .tag("decidedBy", decision.decidedBy().name())
                .register(registry)
                .increment();
        // A clock skew between services must not record a negative latency.
        occurredAt.map(at -> Duration.between(at, clock.instant()))
                .ifPresent(elapsed -> latency.record(elapsed.isNegative() ? Duration.ZERO : elapsed));
    }

    @Override
    public void decisionRevised(RecognitionDecision revision, RevisionCause cause) {
        Counter.builder(REVISIONS)
                .description("Revisions of stored decisions, by the revision's outcome, who decided it, and why")
                .tag("outcome", revision.outcome().name())
                .tag("decidedBy", revision.decidedBy().name())
                .tag("cause", cause.tag())
                .register(registry)
                .increment();
    }

    @Override
    public void revocationRefused(String reason) {
        Counter.builder(REVOCATIONS_REFUSED)
                .description("Revocations refused because they did not come from the credential's issuing institution")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }
}
