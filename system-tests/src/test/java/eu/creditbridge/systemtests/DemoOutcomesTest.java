package eu.creditbridge.systemtests;

import static eu.creditbridge.systemtests.Credentials.COURSE_WITHOUT_EQUIVALENCE;
import static eu.creditbridge.systemtests.Credentials.DATA_SCIENCE_COURSE;
import static eu.creditbridge.systemtests.Credentials.EQUIVALENT_COURSE;
import static eu.creditbridge.systemtests.Credentials.ROTTERDAM_DATA_SCIENCE;
import static eu.creditbridge.systemtests.Credentials.ROTTERDAM_EQUIVALENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import eu.creditbridge.systemtests.Credentials.Result;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Every outcome the demo data of {@code ./creditbridge start} promises (registry-service/README.md, "Demo data"), on the
 * real stack: credentials issued through issuer-service (so they are signed), decided by recognition-service under
 * Erasmus University Rotterdam's demo ruleset, each trace naming the rule that decided and the ruleset version.
 */
class DemoOutcomesTest {

    private static final Duration PIPELINE = Duration.ofSeconds(90);

    private final JsonApi recognition = EmbeddedStack.recognition();

    @Test
    void partnerCourseListedInTheEquivalenceTableIsRecognisedAsTheLocalCourse() {
        String learner = Credentials.newRotterdamLearner();

        JsonNode decision = decisionOn(issue(learner, Result.fromLodz(EQUIVALENT_COURSE, 6)));

        assertThat(decision.path("outcome").asText()).isEqualTo("RECOGNISED");
        assertThat(decision.path("target").path("kind").asText()).isEqualTo("LOCAL_COURSE");
        assertThat(decision.path("target").path("code").asText()).isEqualTo(ROTTERDAM_EQUIVALENT);
        assertDecidedBy(decision, "course-equivalence");
        assertThat(LearnerRecords.awaitTotal(learner, 6).path("totals").path("perLocalCourse").path(ROTTERDAM_EQUIVALENT).decimalValue())
                .isEqualByComparingTo("6");
    }

    @Test
    void dataScienceRuleRecognisesOnTheGradeConvertedByGradingTables() {
        String learner = Credentials.newRotterdamLearner();

        JsonNode good = decisionOn(issue(learner, Result.fromLodz(DATA_SCIENCE_COURSE, 6)));

        assertThat(good.path("outcome").asText()).isEqualTo("RECOGNISED");
        assertThat(good.path("target").path("code").asText()).isEqualTo(ROTTERDAM_DATA_SCIENCE);
        assertDecidedBy(good, "rule data-science-from-unic");
        // Lodz 4.5 covers 18-40 % of Lodz passes; its midpoint, 29 %, lies in Rotterdam's band of the 8 (7-30 %).
        assertThat(good.path("originalGrade").path("value").asText()).isEqualTo("4.5");
        assertThat(good.path("originalGrade").path("scheme").asText()).isEqualTo("pl-2-5");
        assertThat(good.path("convertedGrade").path("value").asText()).isEqualTo("8");
        assertThat(good.path("convertedGrade").path("scheme").asText()).isEqualTo("nl-1-10");
        assertThat(good.path("conversionMethod").asText()).isEqualTo("ECTS_GRADING_TABLE");

        // Lodz 3.0 (the last 15 %) converts to a 6: below the rule's 7, so the rule does not match and the
        // elective category of the ruleset takes the credits instead, the rule's miss kept in the trace.
        JsonNode weak = decisionOn(issue(learner, Result.fromLodz("DS-202", 6).withGrade("3.0", true)));
        assertThat(weak.path("outcome").asText()).isEqualTo("RECOGNISED");
        assertThat(weak.path("convertedGrade").path("value").asText()).isEqualTo("6");
        assertThat(weak.path("target").path("kind").asText()).isEqualTo("CREDIT_CATEGORY");
        assertDecidedBy(weak, "alliance-electives");
        assertThat(DecisionTrace.reason(weak, "rule data-science-from-unic").path("decisive").asBoolean()).isFalse();
        assertThat(DecisionTrace.reason(weak, "rule data-science-from-unic").path("explanation").asText()).startsWith("Not matched");
    }

    @Test
    void allianceCourseWithoutEquivalenceIsRecognisedAsElectiveCredits() {
        String learner = Credentials.newRotterdamLearner();

        JsonNode decision = decisionOn(issue(learner, Result.fromLodz(COURSE_WITHOUT_EQUIVALENCE, 5)));

        assertThat(decision.path("outcome").asText()).isEqualTo("RECOGNISED");
        assertThat(decision.path("target").path("code").asText()).isEqualTo("alliance-electives");
        assertDecidedBy(decision, "alliance-electives");
    }

    @Test
    void microCredentialsCountUpToTheirCapThenARegistrarDecides() {
        String learner = Credentials.newRotterdamLearner();

        JsonNode first = decisionOn(issue(learner, Result.lodzMicroCredential("Circular Economy in Cities", 8)));
        assertThat(first.path("outcome").asText()).isEqualTo("RECOGNISED");
        assertThat(first.path("target").path("code").asText()).isEqualTo("micro-credentials");
        assertDecidedBy(first, "rule micro-credentials-within-cap");
        LearnerRecords.awaitTotal(learner, 8);

        JsonNode second = decisionOn(issue(learner, Result.lodzMicroCredential("Data Literacy for Policy Makers", 4)));
        assertThat(second.path("outcome").asText()).isEqualTo("PARTIALLY_RECOGNISED");
        assertThat(second.path("recognisedCredits").decimalValue()).isEqualByComparingTo("2");
        assertThat(second.path("originalCredits").decimalValue()).isEqualByComparingTo("4");
        assertDecidedBy(second, "rule micro-credentials-within-cap");
        JsonNode record = LearnerRecords.awaitTotal(learner, 10);
        assertThat(record.path("totals").path("perCategory").path("micro-credentials").decimalValue()).isEqualByComparingTo("10");

        JsonNode third = decisionOn(issue(learner, Result.lodzMicroCredential("Academic Writing in English", 3)));
        assertThat(third.path("outcome").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(third.path("recognisedCredits").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
        assertDecidedBy(third, "rule micro-credentials-beyond-cap");
        assertThat(DecisionTrace.reason(third, "rule micro-credentials-within-cap").path("explanation").asText()).contains("is reached");
        assertThat(LearnerRecords.total(recognition.get(recordPath(learner)).body())).isEqualByComparingTo("10");
    }

    @Test
    void resultBelowBachelorLevelIsRoutedToARegistrarWithTheReason() {
        String learner = Credentials.newRotterdamLearner();

        JsonNode decision = decisionOn(issue(learner, Result.fromLodz(EQUIVALENT_COURSE, 6).withEqfLevel(5)));

        assertThat(decision.path("outcome").asText()).isEqualTo("NEEDS_REVIEW");
        assertDecidedBy(decision, "rule below-bachelor-level");
        assertThat(DecisionTrace.decisive(decision).path("explanation").asText()).contains("EQF level below 6");
    }

    @Test
    void courseFromAUniversityOutsideRotterdamsNetworksGoesToARegistrar() {
        String learner = Credentials.newRotterdamLearner();

        JsonNode decision = decisionOn(issue(learner, Result.fromZurich(EQUIVALENT_COURSE, 6)));

        assertThat(decision.path("outcome").asText()).isEqualTo("NEEDS_REVIEW");
        assertDecidedBy(decision, "registrar-review");
        assertThat(DecisionTrace.reason(decision, "alliance-electives").path("explanation").asText()).contains("not active members of a common alliance");
    }

    @Test
    void resultOlderThanTenYearsIsRejected() {
        String learner = Credentials.newRotterdamLearner();

        JsonNode decision = decisionOn(issue(learner, Result.fromLodz(EQUIVALENT_COURSE, 6)
                .issuedOn(LocalDate.now().minusYears(11))));

        assertThat(decision.path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(decision.path("recognisedCredits").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
        assertDecidedBy(decision, "rule older-than-ten-years");
        assertThat(DecisionTrace.reason(decision, "course-equivalence").path("explanation").asText())
                .as("the equivalence also matched, and is recorded as not applied").contains("not applied");
    }

    @Test
    void failedResultIsRejected() {
        String learner = Credentials.newRotterdamLearner();

        JsonNode decision = decisionOn(issue(learner, Result.fromLodz(EQUIVALENT_COURSE, 6).withGrade("2.0", false)));

        assertThat(decision.path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(DecisionTrace.decisive(decision).path("step").asText()).isEqualTo("grade-passed");
        assertThat(decision.path("originalGrade").path("value").asText()).isEqualTo("2.0");
    }

    private String issue(String learner, Result result) {
        // Issued as the result's own university, the only one that may issue it.
        var created = EmbeddedStack.issuerAs(result.issuer()).post("/api/credentials", result.json(learner));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().path("credentialId").asText();
    }

    private JsonNode decisionOn(String credentialId) {
        String path = "/api/institutions/eur.nl/decisions/" + credentialId;
        return await("decision on " + credentialId).atMost(PIPELINE).pollInterval(Duration.ofMillis(250))
                .until(() -> recognition.get(path), response -> response.status() == 200).body();
    }

    private static String recordPath(String learner) {
        return "/api/institutions/eur.nl/learners/" + learner + "/record";
    }

    /** The decisive step, and the ruleset version named both in the decision and in its trace. */
    private static void assertDecidedBy(JsonNode decision, String step) {
        assertThat(DecisionTrace.decisive(decision).path("step").asText()).as(decision.toString()).isEqualTo(step);
        int version = decision.path("rulesetVersion").asInt();
        assertThat(version).as(decision.toString()).isGreaterThanOrEqualTo(1);
        assertThat(DecisionTrace.reason(decision, "ruleset").path("explanation").asText()).contains("Ruleset version " + version + " of eur.nl");
        assertThat(DecisionTrace.reason(decision, "signature").path("explanation").asText()).startsWith("Signature VALID");
    }
}
