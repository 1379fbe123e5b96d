package eu.creditbridge.registry.domain.operations;

import static org.assertj.core.api.Assertions.assertThat;

import eu.creditbridge.registry.domain.operations.PipelineSample.CommittedOffset;
import eu.creditbridge.registry.domain.operations.PipelineSample.ConsumerGroup;
import eu.creditbridge.registry.domain.operations.PipelineSample.PartitionOffsets;
import eu.creditbridge.registry.domain.operations.PipelineSample.TopicOffsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleWindowTest {

    private static final String TOPIC = "creditbridge.credentials";
    private static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");

    @Test
    void ratesAreMessagesPerSecondBetweenSamplesAndOverTheWindow() {
        SampleWindow window = SampleWindow.covering(Duration.ofSeconds(10), Duration.ofSeconds(5));
        window.add(sample(0, 100, 40));
        window.add(sample(5, 150, 40));
        window.add(sample(10, 150, 40));

        assertThat(window.rates(TOPIC)).containsExactly(10.0, 0.0);
        assertThat(window.averageRate(TOPIC)).isEqualTo(5.0);
        assertThat(window.span()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void oldestSampleLeavesWhenTheWindowIsFull() {
        SampleWindow window = SampleWindow.covering(Duration.ofSeconds(10), Duration.ofSeconds(5));
        for (int i = 0; i < 5; i++) {
            window.add(sample(5 * i, 100 * i, 0));
        }
        assertThat(window.samples()).hasSize(3);
        assertThat(window.samples().get(0).at()).isEqualTo(T0.plusSeconds(10));
        assertThat(window.averageRate(TOPIC)).isEqualTo(20.0);
    }

    @Test
    void lagIsEndMinusCommittedPerPartitionAndCountsFromTheStartWhereNothingWasCommitted() {
        PipelineSample sample = new PipelineSample(T0,
                List.of(new TopicOffsets(TOPIC, List.of(new PartitionOffsets(0, 0, 50), new PartitionOffsets(1, 10, 30)))),
                List.of(new ConsumerGroup("recognition-service", "STABLE", List.of(),
                        List.of(new CommittedOffset(TOPIC, 0, 45)))));

        assertThat(sample.lags()).extracting(PipelineSample.PartitionLag::partition, PipelineSample.PartitionLag::lag)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 5L), org.assertj.core.groups.Tuple.tuple(1, 20L));
    }

    private static PipelineSample sample(int seconds, long end, long committed) {
        return new PipelineSample(T0.plusSeconds(seconds),
                List.of(new TopicOffsets(TOPIC, List.of(new PartitionOffsets(0, 0, end)))),
                List.of(new ConsumerGroup("g", "STABLE", List.of(), List.of(new CommittedOffset(TOPIC, 0, committed)))));
    }
}
