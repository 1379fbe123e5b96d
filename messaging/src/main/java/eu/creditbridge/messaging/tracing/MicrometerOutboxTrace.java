package eu.creditbridge.messaging.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link OutboxTrace} over Micrometer Tracing. The service's {@link Propagator} writes and reads the context, so the
 * stored text is whatever it propagates on the wire; with Boot's default (W3C) that is the {@code traceparent}.
 */
public class MicrometerOutboxTrace implements OutboxTrace {

    /** The W3C Trace Context header; the field an outbox keeps. */
    public static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public MicrometerOutboxTrace(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public Optional<String> current() {
        Span span = tracer.currentSpan();
        if (span == null) {
            return Optional.empty();
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return Optional.ofNullable(carrier.get(TRACEPARENT));
    }

    @Override
    public <T> T continued(String traceParent, String spanName, Supplier<T> work) {
        Span.Builder builder = traceParent == null || traceParent.isBlank()
                ? tracer.spanBuilder()
                : propagator.extract(Map.of(TRACEPARENT, traceParent), Map::get);
        Span span = builder.name(spanName).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.get();
        } catch (RuntimeException | Error e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
