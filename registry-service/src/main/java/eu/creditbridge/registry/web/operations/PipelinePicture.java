package eu.creditbridge.registry.web.operations;

import eu.creditbridge.registry.application.operations.PipelineView;
import eu.creditbridge.registry.application.operations.PipelineView.TopicFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The pipeline drawn as boxes and arrows, laid out here and rendered as inline SVG by the page: issuer-service →
 * credentials → recognition-service's group → decisions → issuer-service's group; registry-service → the registry
 * topics → recognition-service; each topic's dead-letter topic with its count. Rates sit in the topic boxes, lag on
 * the arrows into each group. No JavaScript: the page refreshes the whole picture.
 */
record PipelinePicture(int width, int height, List<Box> boxes, List<Arrow> arrows) {

    static final String CREDENTIALS = "creditbridge.credentials";
    static final String DECISIONS = "creditbridge.decisions";
    static final String INSTITUTIONS = "creditbridge.registry.institutions";
    static final String RULESETS = "creditbridge.registry.rulesets";
    private static final String DLT = ".dlt";
    private static final int W = 160;

    /**
     * @param kind service, group, topic or dlt (the CSS class)
     * @param state "" or alert (dead letters present) or lagging
     * @param key what the box stands for (topic name or group id), as data-* for tests and tooltips
     */
    record Box(String key, String kind, String state, int x, int y, int w, int h, String title, List<String> lines) {

        public int textX() {
            return x + 10;
        }

        public int lineY(int index) {
            return y + 36 + 15 * index;
        }
    }

    /** @param path SVG path data */
    record Arrow(String path, String label, int labelX, int labelY, boolean dashed, boolean lagging) {
    }

    static PipelinePicture of(PipelineView view, String recognitionGroup, String issuerGroup) {
        List<Box> boxes = new ArrayList<>();
        List<Arrow> arrows = new ArrayList<>();

        boxes.add(new Box("issuer-service", "service", "", 20, 30, W, 90, "issuer-service",
                List.of("issues and revokes", "(outbox relay)")));
        boxes.add(topic(view, CREDENTIALS, 240, 30));
        boxes.add(group(view, recognitionGroup, 460, 30, "recognition-service"));
        boxes.add(topic(view, DECISIONS, 680, 30));
        boxes.add(group(view, issuerGroup, 900, 30, "issuer-service"));
        boxes.add(deadLetters(view, CREDENTIALS, 240, 150));
        boxes.add(deadLetters(view, DECISIONS, 680, 150));
        boxes.add(topic(view, INSTITUTIONS, 350, 250));
        boxes.add(topic(view, RULESETS, 570, 250));
        boxes.add(deadLetters(view, INSTITUTIONS, 145, 265));
        boxes.add(deadLetters(view, RULESETS, 790, 265));
        boxes.add(new Box("registry-service", "service", "", 460, 385, W, 60, "registry-service",
                List.of("institutions, rulesets")));

        arrows.add(new Arrow("M180,75 L236,75", "", 0, 0, false, false));
        arrows.add(lagArrow(view, recognitionGroup, CREDENTIALS, "M400,75 L456,75", 428, 68));
        arrows.add(new Arrow("M620,75 L676,75", "", 0, 0, false, false));
        arrows.add(lagArrow(view, issuerGroup, DECISIONS, "M840,75 L896,75", 868, 68));
        arrows.add(new Arrow("M320,120 L320,146", "", 0, 0, true, false));
        arrows.add(new Arrow("M760,120 L760,146", "", 0, 0, true, false));
        arrows.add(new Arrow("M520,385 L450,334", "", 0, 0, false, false));
        arrows.add(new Arrow("M580,385 L650,334", "", 0, 0, false, false));
        arrows.add(lagArrow(view, recognitionGroup, INSTITUTIONS, "M450,250 L525,124", 445, 190));
        arrows.add(lagArrow(view, recognitionGroup, RULESETS, "M650,250 L575,124", 610, 190));
        arrows.add(new Arrow("M350,290 L309,290", "", 0, 0, true, false));
        arrows.add(new Arrow("M730,290 L786,290", "", 0, 0, true, false));
        return new PipelinePicture(1090, 460, boxes, arrows);
    }

    private static Box topic(PipelineView view, String topic, int x, int y) {
        Optional<TopicFigures> figures = view.topic(topic);
        List<String> lines = figures.map(f -> List.of(
                        rate(f.ratePerSecond()) + " now",
                        rate(f.averageRatePerSecond()) + " avg",
                        f.written() + " written, " + f.partitions() + " part."))
                .orElse(List.of("not created yet"));
        return new Box(topic, "topic", "", x, y, W, 80 + 10, shortName(topic), lines);
    }

    private static Box group(PipelineView view, String groupId, int x, int y, String service) {
        var group = view.group(groupId);
        List<String> lines = new ArrayList<>();
        lines.add(groupId.equals(service) ? "consumer group" : "group " + groupId);
        group.ifPresentOrElse(g -> {
            lines.add(g.members().size() + " member(s), " + g.state().toLowerCase(Locale.ROOT));
            lines.add("lag " + g.totalLag());
        }, () -> lines.add("no such group yet"));
        boolean lagging = group.map(g -> g.totalLag() > 0).orElse(false);
        return new Box(groupId, "group", lagging ? "lagging" : "", x, y, W, 90, service, lines);
    }

    private static Box deadLetters(PipelineView view, String topic, int x, int y) {
        String dlt = topic + DLT;
        long held = view.topic(dlt).map(TopicFigures::held).orElse(0L);
        return new Box(dlt, "dlt", held > 0 ? "alert" : "", x, y, W, 50, shortName(dlt),
                List.of(held + " dead letter" + (held == 1 ? "" : "s")));
    }

    private static Arrow lagArrow(PipelineView view, String group, String topic, String path, int x, int y) {
        Optional<Long> lag = view.lag(group, topic);
        return new Arrow(path, lag.map(l -> "lag " + l).orElse(""), x, y, false, lag.orElse(0L) > 0);
    }

    static String shortName(String topic) {
        return topic.startsWith("creditbridge.") ? topic.substring("creditbridge.".length()) : topic;
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, perSecond >= 10 ? "%.0f msg/s" : "%.1f msg/s", perSecond);
    }
}
