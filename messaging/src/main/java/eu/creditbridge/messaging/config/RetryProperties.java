package eu.creditbridge.messaging.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a listener's failures are retried before a record is dead-lettered ({@code creditbridge.messaging.retry.*}).
 * Three kinds of failure (see {@link RetryPolicy}): permanent ones go to the dead-letter topic at once; outages of
 * what every record needs (MongoDB, the broker, the schema registry) are retried for as long as they last; anything
 * else is retried a few times, then dead-lettered.
 *
 * @param attempts retries of an unclassified failure before its record goes to the dead-letter topic
 * @param initialInterval wait before the first retry of an unclassified failure; multiplied with each retry
 * @param maxInterval longest wait between two retries of an unclassified failure
 * @param multiplier growth of the wait from one retry to the next
 * @param outage retries while a dependency is down
 * @param permanentExceptions class names of further failures that no retry can mend (added to {@code PermanentFailure},
 *                            unreadable values and Spring's conversion failures); classes not on the classpath are ignored
 */
@ConfigurationProperties("creditbridge.messaging.retry")
public record RetryProperties(
        @DefaultValue("5") int attempts,
        @DefaultValue("200ms") Duration initialInterval,
        @DefaultValue("5s") Duration maxInterval,
        @DefaultValue("2.0") double multiplier,
        @DefaultValue Outage outage,
        @DefaultValue({}) List<String> permanentExceptions) {

    public RetryProperties {
        if (attempts < 0) {
            throw new IllegalArgumentException("creditbridge.messaging.retry.attempts must not be negative: " + attempts);
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("creditbridge.messaging.retry.multiplier must be at least 1: " + multiplier);
        }
        permanentExceptions = List.copyOf(permanentExceptions);
    }

    /**
     * A dependency every record needs is down: retried without limit (the record is fine; dead-lettering it would
     * only move the outage into the dead-letter topic), waiting longer each time up to {@code maxInterval}.
     *
     * @param initialInterval wait before the first retry
     * @param maxInterval longest wait between two retries (the cap); a retry after an outage ends comes within this
     * @param exceptions class names of failures that mean an outage, anywhere in the cause chain; classes not on the
     *                   classpath (MongoDB in a service without it) are ignored
     */
    public record Outage(
            @DefaultValue("1s") Duration initialInterval,
            @DefaultValue("30s") Duration maxInterval,
            @DefaultValue({
                    "eu.creditbridge.messaging.registry.SchemaRegistryUnavailable",
                    "org.apache.kafka.common.errors.RetriableException",
                    "eu.creditbridge.messaging.outbox.PublishingFailed",
                    "com.mongodb.MongoSocketException",
                    "com.mongodb.MongoTimeoutException",
                    "com.mongodb.MongoNotPrimaryException",
                    "com.mongodb.MongoNodeIsRecoveringException",
                    "com.mongodb.MongoConnectionPoolClearedException",
                    "org.springframework.dao.DataAccessResourceFailureException"}) List<String> exceptions) {

        public Outage {
            if (initialInterval.isNegative() || maxInterval.compareTo(initialInterval) < 0) {
                throw new IllegalArgumentException("creditbridge.messaging.retry.outage: 0 <= initial-interval <= max-interval, got "
                        + initialInterval + " and " + maxInterval);
            }
            exceptions = List.copyOf(exceptions);
        }
    }
}
