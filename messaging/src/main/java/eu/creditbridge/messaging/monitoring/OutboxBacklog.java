package eu.creditbridge.messaging.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gauge {@value #METRIC}{@code {service, outbox}}: how many entries of an outbox wait to be published (credentials,
 * registry changes, decision revisions). A backlog that grows means the relay cannot reach the broker; one that
 * stays above zero while the broker is fine means something is stuck.
 *
 * <p>The count is a query on the outbox flag, so it is sampled: at most one query per {@code maxAge}, however
 * often Prometheus scrapes. A failed query reports NaN (unknown) rather than a stale or a zero figure.
 * Declared as a bean, Spring Boot binds it to the service's registry.
 */
public class OutboxBacklog implements MeterBinder {

    public static final String METRIC = "creditbridge.outbox.backlog";
    public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(OutboxBacklog.class);

    private final String service;
    private final String outbox;
    private final LongSupplier count;
    private final Duration maxAge;
    private final Clock clock;
    private double sampled = Double.NaN;
    private Instant sampledAt;

    /**
     * @param service the service owning the outbox (the {@code service} tag)
     * @param outbox what waits in it (the {@code outbox} tag), e.g. {@code credentials}
     * @param count the number of entries waiting, asked at most once per {@code maxAge}
     */
    public OutboxBacklog(String service, String outbox, LongSupplier count, Duration maxAge, Clock clock) {
        this.service = service;
        this.outbox = outbox;
        this.count = count;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    public OutboxBacklog(String service, String outbox, LongSupplier count) {
        this(service, outbox, count, DEFAULT_MAX_AGE, Clock.systemUTC());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(METRIC, this, OutboxBacklog::value)
                .description("Outbox entries not yet published, sampled at most every " + maxAge.toSeconds() + " s")
                .tag("service", service)
                .tag("outbox", outbox)
                .strongReference(true)
                .register(registry);
    }

    /** The sampled count; queries again once the last sample is older than {@code maxAge}. */
    synchronized double value() {
        Instant now = clock.instant();
        if (sampledAt == null || !now.isBefore(sampledAt.plus(maxAge))) {
            sampledAt = now;
            try {
                sampled = count.getAsLong();
            } catch (RuntimeException e) {
                log.debug("Counting the {} outbox failed: {}", outbox, e.toString());
                sampled = Double.NaN;
            }
        }
        return sampled;
    }
}
