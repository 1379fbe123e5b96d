package eu.creditbridge.registry.config;

import eu.creditbridge.registry.application.operations.WatchingPipeline;
import eu.creditbridge.registry.domain.operations.PipelineSample.PartitionLag;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Samples the pipeline every {@code creditbridge.operations.sample-interval} on a thread of its own (a slow or
 * absent broker must not hold up the registry's outbox relay on the shared scheduler), and publishes each
 * sample's lag as the gauge {@code creditbridge_consumer_lag{group,topic,partition}}.
 */
@Component
@ConditionalOnProperty(prefix = "creditbridge.operations", name = "sampling", havingValue = "true", matchIfMissing = true)
public class PipelineSampling implements SmartLifecycle {

    /** Micrometer's name; Prometheus shows it as {@code creditbridge_consumer_lag}. */
    public static final String CONSUMER_LAG_METRIC = "creditbridge.consumer.lag";

    private static final Logger log = LoggerFactory.getLogger(PipelineSampling.class);

    private final WatchingPipeline pipeline;
    private final OperationsProperties properties;
    private final MultiGauge lag;
    private ScheduledExecutorService scheduler;
    private volatile boolean failing;

    public PipelineSampling(WatchingPipeline pipeline, OperationsProperties properties, ObjectProvider<MeterRegistry> meters) {
        this.pipeline = pipeline;
        this.properties = properties;
        MeterRegistry registry = meters.getIfAvailable();
        this.lag = registry == null ? null : MultiGauge.builder(CONSUMER_LAG_METRIC)
                .description("Records a consumer group has yet to process, per partition, as of the last sample")
                // No base unit: Prometheus would append it (creditbridge_consumer_lag_records), and the documented
                // name, the dashboard and the alerts say creditbridge_consumer_lag.
                .register(registry);
    }

    /** One sample now, and the gauge updated from it; also what the tests call instead of waiting for the schedule. */
    public void sampleOnce() {
        pipeline.sample();
        String unavailable = pipeline.view().unavailable();
        if (unavailable != null && !failing) {
            log.warn("Pipeline sampling failed, the operator page shows the last good sample: {}", unavailable);
        } else if (unavailable == null && failing) {
            log.info("Pipeline sampling works again");
        }
        failing = unavailable != null;
        if (lag != null && !failing) {
            // overwrite = true: a partition or group that went away leaves the gauge instead of freezing at its last value.
            lag.register(pipeline.lags().stream()
                    .map((PartitionLag l) -> MultiGauge.Row.of(Tags.of("group", l.group(), "topic", l.topic(),
                            "partition", Integer.toString(l.partition())), l.lag()))
                    .toList(), true);
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pipeline-sampling");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.sampleInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::sampleSafely, 0, interval, TimeUnit.MILLISECONDS);
    }

    private void sampleSafely() {
        try {
            sampleOnce();
        } catch (RuntimeException e) {
            // A failure must not cancel the schedule (a thrown exception would stop all later runs).
            log.warn("Pipeline sample failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
