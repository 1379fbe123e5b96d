package eu.creditbridge.systemtests;

import static eu.creditbridge.systemtests.Credentials.COURSE_WITHOUT_EQUIVALENCE;
import static eu.creditbridge.systemtests.Credentials.EQUIVALENT_COURSE;
import static eu.creditbridge.systemtests.Credentials.ROTTERDAM_EQUIVALENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Issue → recognition → learner record → decision back at the issuer, across the three services. */
class RecognitionFlowTest {

    private static final Duration PIPELINE = Duration.ofSeconds(90);

    private final JsonApi issuer = EmbeddedStack.issuer();
    private final JsonApi recognition = EmbeddedStack.recognition();

    @Test
    void partnerCourseWithEquivalenceIsRecognisedAndTheDecisionReachesTheIssuer() {
        String learner = Credentials.newRotterdamLearner();

        String credentialId = issue(learner, EQUIVALENT_COURSE, 6);

        JsonNode record = awaitRecord(learner, totals -> totals.path("ects").decimalValue().compareTo(BigDecimal.valueOf(6)) == 0);
        assertThat(record.path("totals").path("perLocalCourse").path(ROTTERDAM_EQUIVALENT).decimalValue())
                .isEqualByComparingTo("6");
        assertThat(record.path("components").get(0).path("credentialId").asText()).isEqualTo(credentialId);
        assertThat(record.path("components").get(0).path("status").asText()).isEqualTo("RECOGNISED");

        JsonNode recognitionAtIssuer = awaitRecognitionAtIssuer(credentialId, "RECOGNISED");
        assertThat(recognitionAtIssuer.path("receivingInstitution").asText()).isEqualTo("eur.nl");
        assertThat(recognitionAtIssuer.path("recognisedCredits").decimalValue()).isEqualByComparingTo("6");
        assertThat(recognitionAtIssuer.path("target").path("code").asText()).isEqualTo(ROTTERDAM_EQUIVALENT);
        assertThat(recognitionAtIssuer.path("reasons").size()).isGreaterThan(1);
    }

    @Test
    void allianceCourseWithoutEquivalenceCountsAsElectiveCredits() {
        String learner = Credentials.newRotterdamLearner();

        issue(learner, COURSE_WITHOUT_EQUIVALENCE, 5);

        JsonNode record = awaitRecord(learner, totals -> totals.path("ects").decimalValue().compareTo(BigDecimal.valueOf(5)) == 0);
        assertThat(record.path("totals").path("perCategory").path("alliance-electives").decimalValue())
                .isEqualByComparingTo("5");
    }

    @Test
    void revokedCredentialIsWithdrawnFromTheLearnerRecord() {
        String learner = Credentials.newRotterdamLearner();
        String kept = issue(learner, COURSE_WITHOUT_EQUIVALENCE, 4);
        String revoked = issue(learner, EQUIVALENT_COURSE, 6);
        awaitRecord(learner, totals -> totals.path("ects").decimalValue().compareTo(BigDecimal.TEN) == 0);

        var revocation = issuer.post("/api/credentials/" + revoked + "/revocation",
                "{\"reason\": \"Grade annulled after an appeal\"}");
        assertThat(revocation.status()).as(revocation.body().toString()).isLessThan(300);

        JsonNode record = awaitRecord(learner, totals -> totals.path("ects").decimalValue().compareTo(BigDecimal.valueOf(4)) == 0);
        assertThat(record.path("totals").path("perLocalCourse").path(ROTTERDAM_EQUIVALENT).decimalValue())
                .isEqualByComparingTo("0");
        JsonNode withdrawn = component(record, revoked);
        assertThat(withdrawn.path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(component(record, kept).path("status").asText()).isEqualTo("RECOGNISED");
        awaitRecognitionAtIssuer(revoked, "WITHDRAWN");
    }

    private String issue(String learner, String course, int ects) {
        var created = issuer.post("/api/credentials", Credentials.lodzCourseResultJson(learner, course, ects));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().path("credentialId").asText();
    }

    private JsonNode awaitRecord(String learner, java.util.function.Predicate<JsonNode> totalsWanted) {
        String path = "/api/institutions/eur.nl/learners/" + learner + "/record";
        return await("learner record of " + learner).atMost(PIPELINE).pollInterval(Duration.ofMillis(250))
                .until(() -> recognition.get(path), response -> response.status() == 200
                        && totalsWanted.test(response.body().path("totals")))
                .body();
    }

    private JsonNode awaitRecognitionAtIssuer(String credentialId, String outcome) {
        JsonNode credential = await("decision " + outcome + " at the issuer").atMost(PIPELINE)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> issuer.get("/api/credentials/" + credentialId).body(),
                        body -> body.path("recognitions").size() == 1
                                && outcome.equals(body.path("recognitions").get(0).path("outcome").asText()));
        return credential.path("recognitions").get(0);
    }

    private static JsonNode component(JsonNode record, String credentialId) {
        for (JsonNode component : record.path("components")) {
            if (component.path("credentialId").asText().equals(credentialId)) {
                return component;
            }
        }
        throw new AssertionError("no component for " + credentialId + " in " + record);
    }
}
