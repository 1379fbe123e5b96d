package eu.creditbridge.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SvgChartTest {

    private static final List<Timeline.Sample> RUN = List.of(
            new Timeline.Sample(0, "store ceiling", 0, 0, 0),
            new Timeline.Sample(1, "burst", 0, 5_000, 0),
            new Timeline.Sample(2, "burst", 100, 4_900, 40),
            new Timeline.Sample(3, "burst", 300, 4_700, 10),
            new Timeline.Sample(4, "steady rate <200/s>", 450, 0, 0));

    @Test
    void decisionsPerSecondAndLagAreTwoLinesOverTheRunWithItsPartsNamed() throws Exception {
        String svg = SvgChart.render("durable & co", RUN);

        Document document = parse(svg);
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
        var lines = document.getElementsByTagName("polyline");
        assertThat(lines.getLength()).isEqualTo(2);
        // decisions/s: one point per interval between samples; lag: one per sample
        assertThat(points((Element) lines.item(0))).hasSize(RUN.size() - 1);
        assertThat(points((Element) lines.item(1))).hasSize(RUN.size());
        assertThat(svg).contains("durable &amp; co").contains(">burst<").contains("steady rate &lt;200/s&gt;").contains(">200<");
    }

    @Test
    void theHighestRateReachesTheTopOfItsScale() throws Exception {
        String svg = SvgChart.render("run", RUN);

        // 200 decisions/s (from 100 to 300) is the highest; its nice ceiling is 200, drawn at the plot's top (y = 40)
        List<String> ratePoints = points((Element) parse(svg).getElementsByTagName("polyline").item(0));
        assertThat(ratePoints).anyMatch(point -> point.endsWith(",40.0"));
    }

    @Test
    void withTooFewSamplesItSaysSoInsteadOfDrawing() throws Exception {
        String svg = SvgChart.render("run", List.of(RUN.get(0)));

        assertThat(parse(svg).getElementsByTagName("polyline").getLength()).isZero();
        assertThat(svg).contains("not enough samples");
    }

    @Test
    void axisLabelsAreRound() {
        assertThat(SvgChart.niceCeiling(0)).isEqualTo(1);
        assertThat(SvgChart.niceCeiling(7)).isEqualTo(10);
        assertThat(SvgChart.niceCeiling(130)).isEqualTo(200);
        assertThat(SvgChart.niceCeiling(4_900)).isEqualTo(5_000);
        assertThat(SvgChart.niceCeiling(12_276)).isEqualTo(20_000);
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> points(Element polyline) {
        return List.of(polyline.getAttribute("points").trim().split(" "));
    }
}
