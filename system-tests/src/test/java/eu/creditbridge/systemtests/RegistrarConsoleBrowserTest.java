package eu.creditbridge.systemtests;

import static eu.creditbridge.systemtests.Credentials.EQUIVALENT_COURSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import eu.creditbridge.systemtests.Credentials.Result;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The registrar console (recognition-service {@code /console}) in a real browser, as a registrar of Erasmus University
 * Rotterdam would use it: sign in, find the decisions the rules left to a person, approve one, reject one with a
 * reason, and see the learner's record and the audit trail follow — while a registrar of another university is
 * refused the same pages and the same API.
 */
class RegistrarConsoleBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final Duration PIPELINE = Duration.ofSeconds(90);

    private final String console = EmbeddedStack.get().recognition().url();
    private final JsonApi recognition = EmbeddedStack.recognition();

    @Test
    void registrarApprovesOneRejectsOneAndSeesTheLearnerRecordAndAuditTrailFollow() {
        String learner = Credentials.newRotterdamLearner();
        String recognised = issue(learner, Result.fromLodz(EQUIVALENT_COURSE, 6));
        // Zurich is in none of Rotterdam's alliances; a level below bachelor is always checked by a person.
        String fromZurich = issue(learner, Result.fromZurich("UZH-ML-301", 5).withTitle("Machine Learning"));
        String belowBachelor = issue(learner, Result.fromLodz("ACW-050", 4).withTitle("Academic Writing Basics").withEqfLevel(5));
        assertThat(decisionOn(recognised).path("outcome").asText()).isEqualTo("RECOGNISED");
        assertThat(decisionOn(fromZurich).path("outcome").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(decisionOn(belowBachelor).path("outcome").asText()).isEqualTo("NEEDS_REVIEW");
        LearnerRecords.awaitTotal(learner, 6);

        browser.open(console + "/login");
        browser.element(By.id("username"));
        browser.screenshot("registrar-login");
        browser.logIn(console, "registrar@eur.nl", "demo");
        assertThat(browser.element(By.id("current-user")).getText()).isEqualTo("registrar@eur.nl");

        browser.open(console + "/console/institutions/eur.nl/queue?sort=newest");
        browser.element(queueRow(fromZurich));
        browser.element(queueRow(belowBachelor));
        assertThat(Integer.parseInt(browser.element(By.id("queue-count")).getText().trim())).isGreaterThanOrEqualTo(2);
        assertThat(browser.driver().findElements(queueRow(recognised))).as("decided by the rules, not queued").isEmpty();
        browser.screenshot("registrar-queue");

        browser.click(By.cssSelector("#review-queue tr[data-credential-id='" + fromZurich + "'] th a"));
        assertThat(words(browser.element(By.id("decision-outcome")).getText())).contains("needs review");
        assertThat(browser.element(By.id("signature-status")).getText()).containsIgnoringCase("valid");
        assertThat(browser.element(By.id("rule-trace")).getText()).isNotBlank();
        browser.screenshot("registrar-decision");
        browser.click(By.id("approve"));
        // Back in the queue, one fewer to go.
        assertThat(browser.element(By.id("flash")).getText()).containsIgnoringCase("approved").contains("Machine Learning");
        assertThat(browser.driver().findElements(queueRow(fromZurich))).isEmpty();

        String reason = "EQF level 5 is below our bachelor programme; the learner takes EUR-ACW-101 instead.";
        browser.click(By.cssSelector("#review-queue tr[data-credential-id='" + belowBachelor + "'] th a"));
        browser.element(By.id("reject-reason")).sendKeys(reason);
        browser.click(By.id("reject"));
        assertThat(browser.element(By.id("flash")).getText()).containsIgnoringCase("rejected").contains("Academic Writing Basics");
        assertThat(browser.driver().findElements(queueRow(belowBachelor))).isEmpty();

        // The approval counts the suggested 5 ECTS on top of the 6 recognised automatically; the rejection counts nothing.
        browser.open(console + "/console/institutions/eur.nl/learners/" + learner);
        browser.until(driver -> new BigDecimal(driver.findElement(By.id("learner-total-ects")).getText().trim())
                .compareTo(BigDecimal.valueOf(11)) == 0);
        By components = By.id("learner-components");
        assertThat(browser.element(components).findElements(By.cssSelector("tr[data-credential-id='" + fromZurich + "']"))).hasSize(1);
        assertThat(browser.element(components).findElements(By.cssSelector("tr[data-credential-id='" + recognised + "']"))).hasSize(1);
        assertThat(browser.element(components).findElements(By.cssSelector("tr[data-credential-id='" + belowBachelor + "']"))).isEmpty();
        assertThat(browser.element(By.id("learner-decisions")).getText()).contains("Machine Learning").contains("Academic Writing Basics");
        browser.screenshot("registrar-learner");

        // Both acts stay on their decision's append-only trail: who, what changed, why.
        browser.open(decisionPage(belowBachelor));
        assertThat(words(browser.element(By.id("decision-outcome")).getText())).contains("rejected");
        assertThat(browser.element(By.id("audit-trail")).getText()).contains("registrar@eur.nl").containsIgnoringCase("rejected")
                .contains(reason);
        browser.open(decisionPage(fromZurich));
        assertThat(words(browser.element(By.id("decision-outcome")).getText())).contains("recognised");
        assertThat(browser.element(By.id("audit-trail")).getText()).contains("registrar@eur.nl").containsIgnoringCase("approved");
        browser.screenshot("registrar-decision-approved");
        assertThat(LearnerRecords.total(recognition.get("/api/institutions/eur.nl/learners/" + learner + "/record").body()))
                .isEqualByComparingTo("11");
    }

    @Test
    void registrarOfAnotherUniversityIsRefusedRotterdamsPagesAndApi() {
        String learner = Credentials.newRotterdamLearner();
        String credential = issue(learner, Result.fromZurich("UZH-ML-301", 5).withTitle("Machine Learning"));
        assertThat(decisionOn(credential).path("outcome").asText()).isEqualTo("NEEDS_REVIEW");

        browser.logIn(console, "registrar@uni.lodz.pl", "demo");
        for (String page : new String[] {"/console/institutions/eur.nl/queue", decisionPath(credential),
                "/console/institutions/eur.nl/learners/" + learner}) {
            browser.open(console + page);
            assertThat(browser.element(By.tagName("h1")).getText()).as(page).isEqualTo("You cannot open this page");
            assertThat(browser.driver().getPageSource()).as(page).doesNotContain(learner).doesNotContain("Machine Learning");
        }
        browser.screenshot("registrar-refused");

        JsonApi asLodzRegistrar = new JsonApi(console).as("registrar@uni.lodz.pl", "demo");
        for (String path : new String[] {"/api/institutions/eur.nl/review-queue", "/api/institutions/eur.nl/decisions/" + credential,
                "/api/institutions/eur.nl/learners/" + learner + "/record"}) {
            JsonApi.Response refused = asLodzRegistrar.get(path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.body().path("status").asInt()).as(refused.body().toString()).isEqualTo(403);
            assertThat(refused.body().path("title").asText()).as(refused.body().toString()).isNotBlank();
            assertThat(refused.body().toString()).doesNotContain("Machine Learning");
        }
        JsonApi.Response approval = asLodzRegistrar.post("/api/institutions/eur.nl/decisions/" + credential + "/approval", "{}");
        assertThat(approval.status()).isEqualTo(403);
        assertThat(decisionOn(credential).path("outcome").asText()).as("still waiting for Rotterdam").isEqualTo("NEEDS_REVIEW");
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

    private String decisionPage(String credentialId) {
        return console + decisionPath(credentialId);
    }

    private static String decisionPath(String credentialId) {
        return "/console/institutions/eur.nl/decisions/" + credentialId;
    }

    private static By queueRow(String credentialId) {
        return By.cssSelector("#review-queue tr[data-credential-id='" + credentialId + "']");
    }

    /** An outcome as a person reads it, whether the page shows NEEDS_REVIEW or "Needs review". */
    private static String words(String outcome) {
        return outcome.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
