package eu.creditbridge.localstack.bench;

import java.time.Duration;

/** How the bench writes its figures, the same in the console, the Markdown table and the chart. */
final class Figures {

    private Figures() {
    }

    static String millis(long millis) {
        return millis < 1_000 ? millis + " ms" : String.format("%.2f s", millis / 1000.0);
    }

    static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    static double perSecond(long count, Duration duration) {
        return count / Math.max(0.001, duration.toMillis() / 1000.0);
    }

    static String rate(double perSecond) {
        return String.format("%,.0f/s", perSecond);
    }

    static String ratio(double ratio) {
        return String.format("%.0f %%", 100 * ratio);
    }
}
