package eu.creditbridge.systemtests;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/** The operator's monitoring files under the repository's {@code ops/}, and the metric names their PromQL reads. */
final class AlertRules {

    private static final Pattern METRIC = Pattern.compile("\\b((?:creditbridge|kafka|jvm|process|http)_[a-z0-9_]+)");

    private AlertRules() {
    }

    static Path ops() {
        return Path.of(System.getProperty("creditbridge.repo", "..")).toAbsolutePath().normalize().resolve("ops");
    }

    static Path prometheus() {
        return ops().resolve("prometheus");
    }

    /** The PromQL of every alert rule in {@code ops/prometheus/alerts.yml}. */
    @SuppressWarnings("unchecked")
    static List<String> expressions() throws IOException {
        try (Reader file = Files.newBufferedReader(prometheus().resolve("alerts.yml"))) {
            Map<String, Object> rules = new Yaml().load(file);
            List<String> expressions = new ArrayList<>();
            for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
                for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                    expressions.add(String.valueOf(rule.get("expr")));
                }
            }
            return expressions;
        }
    }

    /** The metric names PromQL expressions read (the services' own and Kafka's, the JVM's, HTTP's). */
    static Set<String> metricsIn(Iterable<String> expressions) {
        Set<String> metrics = new TreeSet<>();
        for (String expression : expressions) {
            Matcher found = METRIC.matcher(expression);
            while (found.find()) {
                metrics.add(found.group(1));
            }
        }
        return metrics;
    }
}
