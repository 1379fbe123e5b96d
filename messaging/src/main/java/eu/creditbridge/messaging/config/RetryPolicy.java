package eu.creditbridge.messaging.config;

import eu.creditbridge.messaging.PermanentFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ExceptionClassifier;
import org.springframework.kafka.support.ExceptionMatcher;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.ClassUtils;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Which failures of a listener are worth retrying, and for how long. Each failure is one of three kinds, decided by
 * the first classified exception in its cause chain (Spring Kafka's {@link ExceptionMatcher}, causes traversed):
 *
 * <ul>
 *   <li>{@link Kind#PERMANENT}: no retry can mend it — a {@link PermanentFailure}, a value that cannot be read
 *       (Kafka's {@link SerializationException}: not the wire format, unknown schema id, corrupt Avro, oversized),
 *       Spring's conversion failures, and any configured class. Dead-lettered at once.</li>
 *   <li>{@link Kind#OUTAGE}: a dependency every record needs is down (schema registry unreachable, broker timeouts,
 *       MongoDB unavailable). Retried without limit, the wait growing to a cap, and never dead-lettered: the record
 *       is fine and will go through when the dependency is back.</li>
 *   <li>{@link Kind#UNKNOWN}: anything else. Retried a few times with exponential backoff, then dead-lettered.</li>
 * </ul>
 *
 * A permanent failure caused by an outage (a listener wrapping a MongoDB timeout in a PermanentFailure) is permanent:
 * the listener said so.
 */
public final class RetryPolicy {

    /** What a failure says about its record. */
    public enum Kind { PERMANENT, OUTAGE, UNKNOWN }

    private final RetryProperties properties;
    private final List<Class<? extends Throwable>> permanentClasses;
    private final ExceptionMatcher permanent;
    private final ExceptionMatcher outage;

    public RetryPolicy(RetryProperties properties) {
        this.properties = properties;
        List<Class<? extends Throwable>> permanentClasses = new ArrayList<>(ExceptionClassifier.defaultFatalExceptionsList());
        // Not as such: whether an unreadable value is permanent depends on its cause (see ConfluentAvroDeserializer).
        permanentClasses.remove(DeserializationException.class);
        permanentClasses.add(PermanentFailure.class);
        permanentClasses.add(SerializationException.class);
        permanentClasses.addAll(present(properties.permanentExceptions()));
        this.permanentClasses = List.copyOf(permanentClasses);
        this.permanent = ExceptionMatcher.forAllowList().addAll(this.permanentClasses).traverseCauses(true).build();
        this.outage = ExceptionMatcher.forAllowList().addAll(present(properties.outage().exceptions()))
                .traverseCauses(true).build();
    }

    public Kind classify(Throwable failure) {
        if (permanent.match(failure)) {
            return Kind.PERMANENT;
        }
        return outage.match(failure) ? Kind.OUTAGE : Kind.UNKNOWN;
    }

    /**
     * Configures {@code handler}: permanent failures not retried, outages retried with {@link #outageBackOff()}.
     * The handler's own back-off (see {@link #unknownBackOff()}) stays for everything else.
     */
    public void applyTo(DefaultErrorHandler handler) {
        Map<Class<? extends Throwable>, Boolean> notRetryable = new LinkedHashMap<>();
        permanentClasses.forEach(type -> notRetryable.put(type, false));
        handler.setClassifications(notRetryable, true);
        handler.setBackOffFunction((record, failure) -> classify(failure) == Kind.OUTAGE ? outageBackOff() : null);
        // A record that fails differently (an outage ends, then the listener refuses it) starts its count afresh.
        handler.setResetStateOnExceptionChange(true);
    }

    /** A few retries, then the record goes to the dead-letter topic. */
    public BackOff unknownBackOff() {
        var backOff = new ExponentialBackOffWithMaxRetries(properties.attempts());
        backOff.setInitialInterval(properties.initialInterval().toMillis());
        backOff.setMaxInterval(properties.maxInterval().toMillis());
        backOff.setMultiplier(properties.multiplier());
        return backOff;
    }

    /** Without limit (no maximum of attempts or of elapsed time), the wait doubling up to the cap. */
    public BackOff outageBackOff() {
        var backOff = new ExponentialBackOff(properties.outage().initialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(properties.outage().maxInterval().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        return backOff;
    }

    /** The named classes that this service has on its classpath (MongoDB's only where the service uses it). */
    private static List<Class<? extends Throwable>> present(List<String> names) {
        List<Class<? extends Throwable>> classes = new ArrayList<>();
        ClassLoader loader = RetryPolicy.class.getClassLoader();
        for (String name : names) {
            if (ClassUtils.isPresent(name, loader)) {
                Class<?> type = ClassUtils.resolveClassName(name, loader);
                if (!Throwable.class.isAssignableFrom(type)) {
                    throw new IllegalArgumentException(name + " in creditbridge.messaging.retry is not an exception class");
                }
                classes.add(type.asSubclass(Throwable.class));
            }
        }
        return classes;
    }
}
