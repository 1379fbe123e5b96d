package eu.creditbridge.messaging.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** On the OpenTelemetry bridge the services use, with the W3C propagator. */
class MicrometerOutboxTraceTest {

    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().setSampler(Sampler.alwaysOn()).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    private final io.opentelemetry.api.trace.Tracer otel = sdk.getTracer("test");
    private final OtelCurrentTraceContext context = new OtelCurrentTraceContext();
    private final OtelTracer tracer = new OtelTracer(otel, context, event -> { },
            new OtelBaggageManager(context, List.of(), List.of()));
    private final OutboxTrace outboxTrace = new MicrometerOutboxTrace(tracer, new OtelPropagator(sdk.getPropagators(), otel));

    @AfterEach
    void closeSdk() {
        sdk.close();
    }

    @Test
    void theWritersTraceIsKeptAsAW3cTraceparentAndTheRelayContinuesIt() {
        Span request = tracer.nextSpan().name("POST /api/credentials").start();
        String kept;
        try (var scope = tracer.withSpan(request)) {
            kept = outboxTrace.current().orElseThrow();
        } finally {
            request.end();
        }
        // Version 00, trace id, parent span id, flags (sampled; newer OpenTelemetry also sets "random trace id").
        assertThat(kept).startsWith("00-" + request.context().traceId() + "-" + request.context().spanId() + "-");

        // Later, on the relay's thread, with nothing in scope:
        assertThat(tracer.currentSpan()).isNull();
        AtomicReference<Span> relaySpan = new AtomicReference<>();
        String result = outboxTrace.continued(kept, "outbox relay", () -> {
            relaySpan.set(tracer.currentSpan());
            return "published";
        });

        assertThat(result).isEqualTo("published");
        assertThat(relaySpan.get().context().traceId()).isEqualTo(request.context().traceId());
        assertThat(relaySpan.get().context().parentId()).isEqualTo(request.context().spanId());
        assertThat(tracer.currentSpan()).as("the relay's scope is closed again").isNull();
    }

    @Test
    void nothingInScopeKeepsNothingAndAnEntryWithoutATraceStartsANewOne() {
        assertThat(outboxTrace.current()).isEmpty();
        assertThat(outboxTrace.currentOrNull()).isNull();

        AtomicReference<Span> relaySpan = new AtomicReference<>();
        outboxTrace.continued(null, "outbox relay", () -> relaySpan.set(tracer.currentSpan()));
        outboxTrace.continued("not-a-traceparent", "outbox relay", () -> assertThat(tracer.currentSpan()).isNotNull());

        assertThat(relaySpan.get().context().traceId()).hasSize(32);
        assertThat(relaySpan.get().context().parentId()).isNull();
    }
}
