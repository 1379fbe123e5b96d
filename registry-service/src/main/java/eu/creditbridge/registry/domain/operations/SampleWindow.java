package eu.creditbridge.registry.domain.operations;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The last few samples, oldest dropped first (a ring buffer): enough to say how many messages per second each
 * topic took over the last minutes without any store. Thread-safe: the sampler adds while pages read.
 */
public final class SampleWindow {

    private final int capacity;
    private final Deque<PipelineSample> samples = new ArrayDeque<>();

    public SampleWindow(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("a rate needs at least two samples, capacity was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Enough samples taken every {@code interval} to cover {@code span}. */
    public static SampleWindow covering(Duration span, Duration interval) {
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("the sample interval must be positive, was " + interval);
        }
        return new SampleWindow((int) Math.max(2, span.toMillis() / interval.toMillis() + 1));
    }

    public synchronized void add(PipelineSample sample) {
        samples.addLast(sample);
        while (samples.size() > capacity) {
            samples.removeFirst();
        }
    }

    public synchronized Optional<PipelineSample> latest() {
        return Optional.ofNullable(samples.peekLast());
    }

    public synchronized List<PipelineSample> samples() {
        return List.copyOf(samples);
    }

    /** Messages per second written to {@code topic} between each two consecutive samples, oldest first. */
    public synchronized List<Double> rates(String topic) {
        List<Double> rates = new ArrayList<>();
        PipelineSample previous = null;
        for (PipelineSample sample : samples) {
            if (previous != null) {
                rates.add(rate(previous, sample, topic));
            }
            previous = sample;
        }
        return rates;
    }

    /** Messages per second written to {@code topic} from the oldest sample to the newest; 0 with fewer than two. */
    public synchronized double averageRate(String topic) {
        if (samples.size() < 2) {
            return 0;
        }
        return rate(samples.peekFirst(), samples.peekLast(), topic);
    }

    /** The time the window covers now. */
    public synchronized Duration span() {
        return samples.size() < 2 ? Duration.ZERO : Duration.between(samples.peekFirst().at(), samples.peekLast().at());
    }

    private static double rate(PipelineSample from, PipelineSample to, String topic) {
        double seconds = Duration.between(from.at(), to.at()).toMillis() / 1000.0;
        if (seconds <= 0) {
            return 0;
        }
        long before = from.topic(topic).map(PipelineSample.TopicOffsets::written).orElse(0L);
        long after = to.topic(topic).map(PipelineSample.TopicOffsets::written).orElse(0L);
        // A deleted and recreated topic starts again from 0: no negative rates.
        return Math.max(0, after - before) / seconds;
    }
}
