package eu.creditbridge.localstack.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bench's chart as an SVG file any browser opens: decisions per second (from one sample to the next) and
 * recognition's consumer lag over the run, on two scales (left and right), with the parts of the run marked along the
 * time axis. Plain SVG text: a chart library would bring AWT and a font stack to a launcher for two polylines.
 */
final class SvgChart {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 80;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;

    private SvgChart() {
    }

    static String render(String title, List<Timeline.Sample> samples) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\">%s</text>%n", LEFT, escape(title)));
        if (samples.size() < 2) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">not enough samples to draw</text>%n", LEFT, HEIGHT / 2));
            return svg.append("</svg>\n").toString();
        }
        List<double[]> rates = new ArrayList<>();
        for (int i = 1; i < samples.size(); i++) {
            Timeline.Sample before = samples.get(i - 1);
            Timeline.Sample now = samples.get(i);
            double seconds = Math.max(0.001, now.seconds() - before.seconds());
            rates.add(new double[] {now.seconds(), Math.max(0, now.decisions() - before.decisions()) / seconds});
        }
        double start = samples.get(0).seconds();
        double end = samples.get(samples.size() - 1).seconds();
        double maxRate = niceCeiling(rates.stream().mapToDouble(r -> r[1]).max().orElse(1));
        double maxLag = niceCeiling(samples.stream().mapToLong(Timeline.Sample::recognitionLag).max().orElse(1));
        Scale x = new Scale(start, Math.max(end, start + 1), LEFT, WIDTH - RIGHT);
        Scale rateY = new Scale(0, maxRate, HEIGHT - BOTTOM, TOP);
        Scale lagY = new Scale(0, maxLag, HEIGHT - BOTTOM, TOP);

        parts(svg, samples, x);
        axes(svg, x, rateY, lagY, maxRate, maxLag);
        svg.append(polyline(rates.stream().map(r -> new double[] {x.at(r[0]), rateY.at(r[1])}).toList(), "#1f77b4"));
        svg.append(polyline(samples.stream().map(s -> new double[] {x.at(s.seconds()), lagY.at(s.recognitionLag())}).toList(), "#d62728"));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#1f77b4\">decisions/s (left)</text>%n", LEFT, HEIGHT - 12));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#d62728\">recognition consumer lag, records (right)</text>%n",
                LEFT + 160, HEIGHT - 12));
        return svg.append("</svg>\n").toString();
    }

    /* The parts of the run as shaded bands along the time axis, each named once where it begins. */
    private static void parts(StringBuilder svg, List<Timeline.Sample> samples, Scale x) {
        int from = 0;
        boolean shade = false;
        for (int i = 1; i <= samples.size(); i++) {
            if (i == samples.size() || !samples.get(i).part().equals(samples.get(from).part())) {
                double left = x.at(samples.get(from).seconds());
                double right = x.at(samples.get(i - 1).seconds());
                if (shade) {
                    svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#f2f2f2\"/>%n",
                            left, TOP, Math.max(0, right - left), HEIGHT - TOP - BOTTOM));
                }
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" fill=\"#555\">%s</text>%n", left + 2,
                        TOP + 12, escape(samples.get(from).part())));
                shade = !shade;
                from = i;
            }
        }
    }

    private static void axes(StringBuilder svg, Scale x, Scale rateY, Scale lagY, double maxRate, double maxLag) {
        int bottom = HEIGHT - BOTTOM;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", LEFT, bottom, WIDTH - RIGHT, bottom));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", LEFT, TOP, LEFT, bottom));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", WIDTH - RIGHT, TOP,
                WIDTH - RIGHT, bottom));
        for (int tick = 0; tick <= 4; tick++) {
            double rate = maxRate * tick / 4;
            double lag = maxLag * tick / 4;
            double y = rateY.at(rate);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", LEFT, y, WIDTH - RIGHT, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#1f77b4\">%,.0f</text>%n", LEFT - 6,
                    y + 4, rate));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" fill=\"#d62728\">%,.0f</text>%n", WIDTH - RIGHT + 6, lagY.at(lag) + 4,
                    lag));
        }
        for (int tick = 0; tick <= 6; tick++) {
            double seconds = x.from + (x.to - x.from) * tick / 6;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.0f s</text>%n", x.at(seconds),
                    bottom + 16, seconds));
        }
    }

    private static String polyline(List<double[]> points, String colour) {
        StringBuilder line = new StringBuilder("<polyline fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"1.5\" points=\"");
        for (double[] point : points) {
            line.append(String.format(Locale.ROOT, "%.1f,%.1f ", point[0], point[1]));
        }
        return line.append("\"/>\n").toString();
    }

    /** 1, 2 or 5 times a power of ten, at least {@code value}: round labels on the axis. */
    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Maps a value range onto a pixel range (the y axis runs downwards, so {@code toPixel} may be smaller). */
    private record Scale(double from, double to, double fromPixel, double toPixel) {
        double at(double value) {
            return fromPixel + (value - from) / (to - from) * (toPixel - fromPixel);
        }
    }
}
