package eu.creditbridge.messaging.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OutboxBacklogTest {

    private Instant now = Instant.parse("2025-02-20T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void theBacklogIsSampledAtMostOncePerIntervalHoweverOftenItIsScraped() {
        var registry = new SimpleMeterRegistry();
        AtomicLong waiting = new AtomicLong(3);
        AtomicInteger queries = new AtomicInteger();
        new OutboxBacklog("issuer-service", "credentials", () -> {
            queries.incrementAndGet();
            return waiting.get();
        }, Duration.ofSeconds(5), clock).bindTo(registry);
        var gauge = registry.get("creditbridge.outbox.backlog").tag("service", "issuer-service").tag("outbox", "credentials").gauge();

        assertThat(gauge.value()).isEqualTo(3.0);
        waiting.set(0);
        now = now.plusSeconds(4);
        assertThat(gauge.value()).as("still the sample of 4 s ago").isEqualTo(3.0);
        now = now.plusSeconds(1);
        assertThat(gauge.value()).isEqualTo(0.0);
        assertThat(queries).hasValue(2);
    }

    @Test
    void aFailingCountReportsUnknownNotZero() {
        var registry = new SimpleMeterRegistry();
        new OutboxBacklog("recognition-service", "decisions", () -> {
            throw new IllegalStateException("MongoDB is down");
        }, Duration.ofSeconds(5), clock).bindTo(registry);

        assertThat(registry.get("creditbridge.outbox.backlog").gauge().value()).isNaN();
    }
}
