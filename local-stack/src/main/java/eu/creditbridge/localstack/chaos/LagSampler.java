package eu.creditbridge.localstack.chaos;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The highest consumer lag of each group while a run lasts, sampled every second. */
final class LagSampler implements AutoCloseable {

    private final ConsumerLag lag;
    private final List<String> groups;
    private final Map<String, Long> highest = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "chaos-lag-sampler");
        thread.setDaemon(true);
        return thread;
    });

    LagSampler(ConsumerLag lag, List<String> groups) {
        this.lag = lag;
        this.groups = groups;
    }

    void start() {
        sampler.scheduleWithFixedDelay(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    /** The highest lag seen so far per group. */
    Map<String, Long> highest() {
        return new LinkedHashMap<>(highest);
    }

    private void sample() {
        try {
            lag.of(groups).forEach((group, records) -> highest.merge(group, records, Math::max));
        } catch (Exception brokerAway) {
            // sampled again in a second; the broker may be restarting
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
