package eu.creditbridge.recognition.config;

import static org.assertj.core.api.Assertions.assertThat;

import eu.creditbridge.recognition.Fixtures;
import eu.creditbridge.recognition.TrustFixtures;
import eu.creditbridge.recognition.application.RevisionCause;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.RecognitionCase;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MicrometerRecognitionMetricsTest {

    private static final Instant NOW = Instant.parse("2025-02-20T10:00:00Z");

    @Test
    void storedDecisionIsCountedByOutcomeAndWhoDecidedAndItsLatencyMeasuredFromTheEvent() {
        var registry = new SimpleMeterRegistry();
        var metrics = new MicrometerRecognitionMetrics(registry, Clock.fixed(NOW, ZoneOffset.UTC));

        metrics.decisionStored(recognised(), Optional.of(NOW.minus(3, ChronoUnit.SECONDS)));

        assertThat(registry.get("creditbridge.decisions").tag("outcome", "RECOGNISED").tag("decidedBy", "RULES")
                .counter().count()).isEqualTo(1.0);
        var latency = registry.get("creditbridge.recognition.latency").timer();
        assertThat(latency.count()).isEqualTo(1);
        assertThat(latency.totalTime(TimeUnit.SECONDS)).isEqualTo(3.0);
    }

    @Test
    void revisionIsCountedApartFromFirstDecisionsByOutcomeWhoDecidedAndCause() {
        var registry = new SimpleMeterRegistry();
        var metrics = new MicrometerRecognitionMetrics(registry, Clock.fixed(NOW, ZoneOffset.UTC));

        metrics.decisionRevised(recognised(), RevisionCause.REEVALUATION);
        metrics.decisionRevised(recognised(), RevisionCause.REEVALUATION);
        metrics.decisionRevised(recognised(), RevisionCause.REGISTRAR);

        assertThat(registry.get("creditbridge.decision.revisions").tag("outcome", "RECOGNISED").tag("decidedBy", "RULES")
                .tag("cause", "re-evaluation").counter().count()).isEqualTo(2.0);
        assertThat(registry.get("creditbridge.decision.revisions").tag("cause", "registrar").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.find("creditbridge.decisions").counters()).isEmpty();
        assertThat(registry.get("creditbridge.recognition.latency").timer().count()).isZero();
    }

    @Test
    void aRefusedRevocationIsCountedByReason() {
        var registry = new SimpleMeterRegistry();
        var metrics = new MicrometerRecognitionMetrics(registry, Clock.fixed(NOW, ZoneOffset.UTC));

        metrics.revocationRefused("not-the-issuer");
        metrics.revocationRefused("not-the-issuer");

        assertThat(registry.get("creditbridge.revocations.refused").tag("reason", "not-the-issuer").counter().count()).isEqualTo(2.0);
    }

    private static RecognitionDecision recognised() {
        Credential credential = Fixtures.credential().credits("7.5").build();
        var decision = Fixtures.policy().decide(new RecognitionCase(credential, Fixtures.lodz(),
                Optional.of(Fixtures.rotterdam()), Optional.of(Fixtures.lodzRuleset()), TrustFixtures.VALID));
        return RecognitionDecision.byRules(credential, decision, NOW);
    }
}
