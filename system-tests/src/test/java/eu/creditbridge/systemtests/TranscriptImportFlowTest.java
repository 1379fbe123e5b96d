package eu.creditbridge.systemtests;

import static eu.creditbridge.systemtests.Credentials.COURSE_WITHOUT_EQUIVALENCE;
import static eu.creditbridge.systemtests.Credentials.EQUIVALENT_COURSE;
import static eu.creditbridge.systemtests.Credentials.LODZ_IMPORT_SETTINGS;
import static eu.creditbridge.systemtests.Credentials.ROTTERDAM_EQUIVALENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, the issuer side, end to end: a University of Lodz ELMO export posted at issuer-service becomes credentials
 * that Rotterdam's recognition decides and counts in the learner's record, and a corrected export replaces a result
 * there too.
 */
class TranscriptImportFlowTest {

    private static final Duration PIPELINE = Duration.ofSeconds(90);

    private final JsonApi issuer = EmbeddedStack.issuer();
    private final JsonApi recognition = EmbeddedStack.recognition();

    @Test
    void anElmoExportPostedAtTheIssuerIsDecidedAtTheHomeUniversityAndACorrectionReplacesItsResult() {
        String learner = Credentials.newRotterdamLearner();

        var imported = issuer.post("/api/transcripts?" + LODZ_IMPORT_SETTINGS,
                Credentials.lodzTranscriptXml(learner, "4.5", 6, EQUIVALENT_COURSE, COURSE_WITHOUT_EQUIVALENCE), "application/xml");

        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
        assertThat(imported.body().path("counts").path("issued").asInt()).as(imported.body().toString()).isEqualTo(2);
        String programming = result(imported.body(), EQUIVALENT_COURSE).path("credentialId").asText();
        JsonNode record = awaitRecord(learner, 12);
        assertThat(record.path("totals").path("perLocalCourse").path(ROTTERDAM_EQUIVALENT).decimalValue()).isEqualByComparingTo("6");
        assertThat(record.path("totals").path("perCategory").path("alliance-electives").decimalValue()).isEqualByComparingTo("6");
        JsonNode decision = awaitRecognitionAtIssuer(programming, "RECOGNISED");
        assertThat(decision.path("receivingInstitution").asText()).isEqualTo("eur.nl");

        // The same export again issues nothing; a corrected grade for one course replaces that credential only.
        var again = issuer.post("/api/transcripts?" + LODZ_IMPORT_SETTINGS,
                Credentials.lodzTranscriptXml(learner, "4.5", 6, EQUIVALENT_COURSE, COURSE_WITHOUT_EQUIVALENCE), "application/xml");
        assertThat(again.body().path("counts").path("unchanged").asInt()).as(again.body().toString()).isEqualTo(2);
        var corrected = issuer.post("/api/transcripts?" + LODZ_IMPORT_SETTINGS,
                Credentials.lodzTranscriptXml(learner, "5", 6, EQUIVALENT_COURSE), "application/xml");
        var correction = result(corrected.body(), EQUIVALENT_COURSE);
        assertThat(correction.path("outcome").asText()).as(corrected.body().toString()).isEqualTo("CORRECTED");
        assertThat(correction.path("replaces").asText()).isEqualTo(programming);

        String replacement = correction.path("credentialId").asText();
        awaitRecognitionAtIssuer(programming, "WITHDRAWN");
        awaitRecognitionAtIssuer(replacement, "RECOGNISED");
        JsonNode after = awaitRecord(learner, 12, r -> hasComponent(r, programming, "WITHDRAWN")
                && hasComponent(r, replacement, "RECOGNISED"));
        assertThat(after.path("totals").path("perLocalCourse").path(ROTTERDAM_EQUIVALENT).decimalValue()).isEqualByComparingTo("6");
    }

    @Test
    void theGradeDistributionOfAnEwpTranscriptIsOfferedToTheAdminAtTheRegistryAndNotPublished() {
        String learner = Credentials.newRotterdamLearner();
        JsonNode tableBefore = EmbeddedStack.registry().get("/api/institutions/uni.lodz.pl").body().path("gradingTable");
        String elmo = Credentials.lodzTranscriptXml(learner, "4.5", 5, COURSE_WITHOUT_EQUIVALENCE);
        String tors = """
                <imobility-tors-get-response xmlns="https://github.com/erasmus-without-paper/ewp-specs-api-imobility-tors/blob/stable-v2/endpoints/get-response.xsd">
                  <tor><omobility-id>a1b2</omobility-id>%s
                    <gradeConversionTable><iscedTable iscedCode="0613">
                      <gradeFrequency label="F" percentage="4"/><gradeFrequency label="E" percentage="16"/>
                      <gradeFrequency label="D" percentage="24"/><gradeFrequency label="C" percentage="32"/>
                      <gradeFrequency label="B" percentage="16"/><gradeFrequency label="A" percentage="8"/>
                    </iscedTable></gradeConversionTable>
                  </tor>
                </imobility-tors-get-response>
                """.formatted(elmo);

        var imported = issuer.post("/api/transcripts?" + LODZ_IMPORT_SETTINGS, tors, "application/xml");

        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
        JsonNode distribution = imported.body().path("gradeDistributions").get(0);
        assertThat(distribution.path("offered").asBoolean()).as(imported.body().toString()).isTrue();
        JsonNode offer = EmbeddedStack.registry().get("/api/institutions/uni.lodz.pl/grading-table-offer").body();
        assertThat(offer.path("source").asText()).isEqualTo("EWP Transcript of Records, ISCED 0613");
        assertThat(offer.path("offeredBy").asText()).isEqualTo("issuer-service");
        assertThat(offer.path("offered").path("bands").get(0).path("grade").asText()).isEqualTo("A");
        assertThat(offer.path("offered").path("bands").get(0).path("percentage").decimalValue()).isEqualByComparingTo("8.33");
        // Offered, not published: Lodz's table is what it was until its admin publishes the offer.
        assertThat(EmbeddedStack.registry().get("/api/institutions/uni.lodz.pl").body().path("gradingTable")).isEqualTo(tableBefore);
    }

    private static JsonNode result(JsonNode answer, String opportunity) {
        for (JsonNode item : answer.path("results")) {
            if (item.path("learningOpportunity").asText().equals(opportunity)) {
                return item;
            }
        }
        throw new AssertionError("no result for " + opportunity + " in " + answer);
    }

    private JsonNode awaitRecord(String learner, int ects) {
        return awaitRecord(learner, ects, record -> true);
    }

    private JsonNode awaitRecord(String learner, int ects, Predicate<JsonNode> also) {
        String path = "/api/institutions/eur.nl/learners/" + learner + "/record";
        return await("learner record of " + learner + " at " + ects + " ECTS").atMost(PIPELINE).pollInterval(Duration.ofMillis(250))
                .until(() -> recognition.get(path), response -> response.status() == 200
                        && response.body().path("totals").path("ects").decimalValue().compareTo(BigDecimal.valueOf(ects)) == 0
                        && also.test(response.body()))
                .body();
    }

    private static boolean hasComponent(JsonNode record, String credentialId, String status) {
        for (JsonNode component : record.path("components")) {
            if (component.path("credentialId").asText().equals(credentialId)) {
                return component.path("status").asText().equals(status);
            }
        }
        return false;
    }

    private JsonNode awaitRecognitionAtIssuer(String credentialId, String outcome) {
        return await("decision " + outcome + " on " + credentialId + " at the issuer").atMost(PIPELINE)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> issuer.get("/api/credentials/" + credentialId).body(),
                        body -> body.path("recognitions").size() == 1
                                && outcome.equals(body.path("recognitions").get(0).path("outcome").asText()))
                .path("recognitions").get(0);
    }
}
