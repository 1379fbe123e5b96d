package eu.creditbridge.systemtests;

import static eu.creditbridge.systemtests.Credentials.LODZ;
import static eu.creditbridge.systemtests.Credentials.ROTTERDAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import eu.creditbridge.recognition.exchange.ElmoSchema;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/**
 * The formats universities already exchange, across the running stack: a registrar records the learner's EWP Online
 * Learning Agreement at Rotterdam, Lodz issues the agreed course, Rotterdam recognises it as agreed, and the learner
 * record downloads as ELMO 2.0.0 that validates against the official schema.
 */
class ExchangeFormatsTest {

    private static final Duration PIPELINE = Duration.ofSeconds(90);

    private final JsonApi issuer = EmbeddedStack.issuer();
    private final JsonApi recognition = EmbeddedStack.recognition().as("registrar@eur.nl", "demo");

    /** An omobility-las get-response as Rotterdam's EWP node would return it: one agreed course, one proposed. */
    private static byte[] onlineLearningAgreement(String mobilityId, String learner) {
        return """
                <omobility-las-get-response xmlns="https://github.com/erasmus-without-paper/ewp-specs-api-omobility-las/blob/stable-v1/endpoints/get-response.xsd">
                  <la>
                    <omobility-id>%s</omobility-id>
                    <sending-hei><hei-id>eur.nl</hei-id></sending-hei>
                    <receiving-hei><hei-id>uni.lodz.pl</hei-id></receiving-hei>
                    <student><global-id>%s</global-id></student>
                    <start-year-month>%s</start-year-month>
                    <first-version>
                      <components-studied>
                        <component><los-code>ML-301</los-code><title>Machine Learning</title><credit><scheme>ects</scheme><value>5</value></credit></component>
                      </components-studied>
                      <components-recognized>
                        <component><los-code>EUR-ML-301</los-code><title>Machine Learning Foundations</title><credit><scheme>ects</scheme><value>5</value></credit></component>
                      </components-recognized>
                    </first-version>
                    <changes-proposal id="p-1">
                      <components-studied>
                        <component status="inserted"><los-code>SUS-201</los-code><title>Sustainable Cities</title><credit><scheme>ects</scheme><value>5</value></credit></component>
                      </components-studied>
                    </changes-proposal>
                  </la>
                </omobility-las-get-response>
                """.formatted(mobilityId, learner, YearMonth.from(LocalDate.now().minusMonths(2))).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anOlaPostedAtRecognitionMakesTheMatchingCredentialRecognisedAsAgreedAndTheRecordExportsAsValidElmo() {
        String learner = Credentials.newRotterdamLearner();
        String mobility = "ola-" + learner.substring(learner.lastIndexOf(':') + 1);

        var recorded = recognition.putXml("/api/institutions/eur.nl/learners/" + learner + "/learning-agreements/" + mobility,
                onlineLearningAgreement(mobility, learner));
        assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(201);
        assertThat(recorded.body().path("tables").path("pending").path("changes").get(0).path("component").path("code").asText())
                .isEqualTo("SUS-201");

        var agreed = issuer.post("/api/credentials", Credentials.lodzCourseResultJson(learner, "ML-301", 5));
        assertThat(agreed.status()).as(agreed.body().toString()).isEqualTo(201);
        var proposedOnly = issuer.post("/api/credentials", Credentials.lodzCourseResultJson(learner, "SUS-201", 5));
        assertThat(proposedOnly.status()).as(proposedOnly.body().toString()).isEqualTo(201);

        JsonNode record = await("learner record of " + learner).atMost(PIPELINE).pollInterval(Duration.ofMillis(250))
                .until(() -> recognition.get("/api/institutions/eur.nl/learners/" + learner + "/record"),
                        response -> response.status() == 200
                                && response.body().path("totals").path("ects").decimalValue().compareTo(BigDecimal.TEN) == 0)
                .body();
        assertThat(record.path("totals").path("perLocalCourse").path("EUR-ML-301").decimalValue()).isEqualByComparingTo("5");
        // The proposal is not approved: SUS-201 counts as the ruleset says (alliance electives), not as agreed.
        assertThat(record.path("totals").path("perCategory").path("alliance-electives").decimalValue()).isEqualByComparingTo("5");
        JsonNode decision = recognition.get("/api/institutions/eur.nl/decisions/" + agreed.body().path("credentialId").asText()).body();
        assertThat(decision.toString()).contains("learning agreement " + mobility);

        HttpResponse<byte[]> elmo = recognition.getXml("/api/institutions/eur.nl/learners/" + learner + "/record");
        assertThat(elmo.statusCode()).isEqualTo(200);
        assertThat(elmo.headers().firstValue("Content-Type")).get().asString().startsWith("application/xml");
        assertThat(ElmoSchema.errors(elmo.body())).isEmpty();
        String document = new String(elmo.body(), StandardCharsets.UTF_8);
        assertThat(document).contains("<status>Positive</status>", "<ref>ML-301</ref>", "<ref>EUR-ML-301</ref>",
                "<identifier type=\"schac\">" + LODZ + "</identifier>", "<identifier type=\"schac\">" + ROTTERDAM + "</identifier>");
    }
}
