package eu.creditbridge.registry.application.operations;

import eu.creditbridge.registry.application.operations.PipelineView.GroupFigures;
import eu.creditbridge.registry.application.operations.PipelineView.Member;
import eu.creditbridge.registry.application.operations.PipelineView.RecentError;
import eu.creditbridge.registry.application.operations.PipelineView.TopicFigures;
import eu.creditbridge.registry.domain.operations.DeadLetterId;
import eu.creditbridge.registry.domain.operations.PipelineSample;
import eu.creditbridge.registry.domain.operations.PipelineSample.PartitionOffsets;
import eu.creditbridge.registry.domain.operations.PipelineSample.TopicOffsets;
import eu.creditbridge.registry.domain.operations.SampleWindow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Samples the pipeline at a fixed interval (the caller's schedule) into a window of recent samples, and answers
 * the operator page from that window: a page view costs no broker call, however many operators watch.
 * The last errors are re-read from the dead-letter topics only when one of them grew.
 */
public class WatchingPipeline {

    private final PipelineProbe probe;
    private final DeadLetterTopics deadLetters;
    private final SampleWindow window;
    private final int recentErrorCount;

    private volatile List<RecentError> lastErrors = List.of();
    private volatile long deadLettersSeen = -1;
    private volatile String unavailable;

    public WatchingPipeline(PipelineProbe probe, DeadLetterTopics deadLetters, SampleWindow window, int recentErrorCount) {
        this.probe = probe;
        this.deadLetters = deadLetters;
        this.window = window;
        this.recentErrorCount = recentErrorCount;
    }

    /** One look at the broker; a failure is kept to be shown, never thrown, so the schedule keeps running. */
    public void sample() {
        try {
            PipelineSample sample = probe.sample();
            window.add(sample);
            refreshLastErrors(sample);
            unavailable = null;
        } catch (RuntimeException e) {
            unavailable = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    /** The latest sample's lags, for the consumer-lag gauge. */
    public List<PipelineSample.PartitionLag> lags() {
        return window.latest().map(PipelineSample::lags).orElse(List.of());
    }

    public PipelineView view() {
        var latest = window.latest();
        if (latest.isEmpty()) {
            return new PipelineView(null, window.span(), List.of(), List.of(), lastErrors,
                    unavailable == null ? "no sample taken yet" : unavailable);
        }
        PipelineSample sample = latest.get();
        List<TopicFigures> topics = new ArrayList<>();
        for (TopicOffsets topic : sample.topics()) {
            List<Double> rates = window.rates(topic.topic());
            topics.add(new TopicFigures(topic.topic(), DeadLetterId.isDeadLetterTopic(topic.topic()),
                    topic.partitions().size(), topic.written(), topic.held(),
                    rates.isEmpty() ? 0 : rates.get(rates.size() - 1), window.averageRate(topic.topic()), rates,
                    topic.partitions().stream().map(PartitionOffsets::latest).toList()));
        }
        Map<String, List<PipelineSample.PartitionLag>> lagsByGroup = sample.lags().stream()
                .collect(Collectors.groupingBy(PipelineSample.PartitionLag::group));
        List<GroupFigures> groups = sample.groups().stream()
                .map(g -> new GroupFigures(g.groupId(), g.state(),
                        g.members().stream().map(m -> new Member(m.memberId(), m.clientId(), m.host(), m.assignment()))
                                .toList(),
                        lagsByGroup.getOrDefault(g.groupId(), List.of())))
                .sorted(Comparator.comparing(GroupFigures::groupId))
                .toList();
        return new PipelineView(sample.at(), window.span(), topics, groups, lastErrors, unavailable);
    }

    private void refreshLastErrors(PipelineSample sample) {
        long written = sample.topics().stream().filter(t -> DeadLetterId.isDeadLetterTopic(t.topic()))
                .mapToLong(TopicOffsets::written).sum();
        if (written == deadLettersSeen) {
            return;
        }
        lastErrors = deadLetters.newest(recentErrorCount).stream()
                .map(d -> new RecentError(d.id(), d.deadLetteredAt(), d.reason(), d.origin()))
                .toList();
        deadLettersSeen = written;
    }
}
