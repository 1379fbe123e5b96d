package eu.creditbridge.localstack.bench;

import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.localstack.ServiceProcess;
import eu.creditbridge.localstack.chaos.ConsumerLag;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The run over time, sampled once a second from the broker as an operator would read it: decisions on the topic so far,
 * recognition's and the issuer's consumer lag, and which part of the bench was running. What the chart draws.
 */
final class Timeline implements AutoCloseable {

    /** One second of the run: seconds since the stack's bench began, and the readings. */
    record Sample(double seconds, String part, long decisions, long recognitionLag, long issuerLag) {
    }

    private static final List<String> GROUPS = List.of(ServiceProcess.RECOGNITION, ServiceProcess.ISSUER);
    private final ConsumerLag broker;
    private final Instant begin = Instant.now();
    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-timeline");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String part = "start";

    Timeline(ConsumerLag broker) {
        this.broker = broker;
        sampler.scheduleWithFixedDelay(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    /** From now on the samples belong to this part. */
    void part(String name) {
        this.part = name;
    }

    private void sample() {
        try {
            long decisions = broker.records(List.of(ContractTopic.DECISIONS.topic()));
            Map<String, Long> lags = broker.of(GROUPS);
            Sample sample = new Sample(Duration.between(begin, Instant.now()).toMillis() / 1000.0, part, decisions,
                    lags.getOrDefault(ServiceProcess.RECOGNITION, 0L), lags.getOrDefault(ServiceProcess.ISSUER, 0L));
            synchronized (samples) {
                samples.add(sample);
            }
        } catch (Exception e) {
            // the broker did not answer within its timeout: this second has no sample, the chart has a gap
        }
    }

    /** The latest sample, if any. */
    java.util.Optional<Sample> latest() {
        synchronized (samples) {
            return samples.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(samples.get(samples.size() - 1));
        }
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
