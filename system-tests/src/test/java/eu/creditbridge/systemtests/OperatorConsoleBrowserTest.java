package eu.creditbridge.systemtests;

import static eu.creditbridge.systemtests.Credentials.EQUIVALENT_COURSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.contract.CredentialIssued;
import eu.creditbridge.contract.InstitutionUpdated;
import eu.creditbridge.contract.LearnerIdentification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The operator console (registry-service {@code /ops}) in a real browser, as an operator on call would use it: find a
 * dead letter on the pipeline page, read why it failed, fix the cause, replay it — or discard what cannot be fixed,
 * saying why — and find both in the audit trail.
 */
class OperatorConsoleBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final String CREDENTIALS = ContractTopic.CREDENTIALS.topic();
    private static final Duration PIPELINE = Duration.ofSeconds(90);

    private final String console = EmbeddedStack.get().registry().url();
    private final ContractClients kafka = EmbeddedStack.kafka();

    @Test
    void operatorFindsTheDeadLetterOfAUniversityNotYetRegisteredAndReplaysItOnceItIs() {
        // A university joining the alliance: its student's credential arrives before the university is registered.
        String joining = "u" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
        String learner = "urn:schac:personalUniqueCode:int:esi:" + joining + ":1";
        UUID credentialId = UUID.randomUUID();
        CredentialIssued lodzResult = Credentials.lodzCourseResult(credentialId, learner, EQUIVALENT_COURSE, 6);
        CredentialIssued credential = CredentialIssued.newBuilder(lodzResult)
                .setLearner(LearnerIdentification.newBuilder(lodzResult.getLearner()).setHomeInstitution(joining).build())
                .build();
        kafka.send(CREDENTIALS, learner, Credentials.event(PartnerSigningKey.signed(credential, PartnerSigningKey.get())));

        browser.logIn(console, "operator", "demo");
        awaitDeadLetterKeyed(learner);
        browser.open(console + "/ops");
        browser.element(By.id("pipeline"));
        browser.element(deadLetterRowKeyed(learner));
        browser.screenshot("operator-pipeline");

        browser.click(linkInDeadLetterRowKeyed(learner));
        assertThat(browser.elementContaining(By.id("dlt-reason"), joining).getText()).contains("not in the alliance registry");
        assertThat(browser.element(By.id("dlt-key")).getText()).isEqualTo(learner);
        assertThat(browser.element(By.id("dlt-headers")).getText()).contains("kafka_dlt-original-topic");
        assertThat(browser.element(By.id("dlt-payload")).getText()).contains(credentialId.toString());
        browser.screenshot("operator-dead-letter");
        String deadLetter = browser.element(By.id("dlt-id")).getText();

        register(joining);
        browser.element(By.id("replay-reason")).sendKeys(joining + " is registered now");
        browser.click(By.id("replay"));

        assertThat(browser.elementContaining(By.id("flash"), "Replayed").getText()).contains(CREDENTIALS);
        assertThat(browser.element(By.id("dlt-status")).getText()).isEqualTo("REPLAYED");
        // Replayed and decided this time: a new member without a ruleset yet gets its decisions checked by a registrar.
        String decision = "/api/institutions/" + joining + "/decisions/" + credentialId;
        JsonApi recognition = EmbeddedStack.recognition();
        await("decision on the replayed credential").atMost(PIPELINE).pollInterval(Duration.ofMillis(250))
                .until(() -> recognition.get(decision).status() == 200);

        browser.open(console + "/ops/audit");
        assertThat(browser.element(auditRowOf(deadLetter)).getText())
                .contains("operator").contains("REPLAYED").contains(joining + " is registered now");
    }

    @Test
    void operatorDiscardsBytesThatAreNoCredentialWithAReasonAndTheDiscardIsAudited() {
        String learner = deadLetteredAsOperator("credential,learner\n42,somebody");
        browser.open(console + "/ops/dead-letters");
        browser.click(linkInDeadLetterRowKeyed(learner));
        assertThat(browser.element(By.id("dlt-reason")).getText()).isNotBlank();
        assertThat(browser.element(By.id("dlt-payload")).getText()).contains("credential,learner");
        String deadLetter = browser.element(By.id("dlt-id")).getText();

        String reason = "A CSV export sent to the topic by mistake; the partner resends the credentials properly.";
        browser.element(By.id("discard-reason")).sendKeys(reason);
        browser.click(By.id("discard"));

        browser.elementContaining(By.id("flash"), "Discarded");
        assertThat(browser.element(By.id("dlt-status")).getText()).isEqualTo("DISCARDED");
        assertThat(browser.element(By.id("dlt-history")).getText()).contains("DISCARDED").contains(reason);
        browser.open(console + "/ops/audit");
        assertThat(browser.element(auditRowOf(deadLetter)).getText()).contains("operator").contains("DISCARDED").contains(reason);
        browser.screenshot("operator-audit");
    }

    @Test
    void atALaptopsWidthTheLastErrorsStayClearOfTheTopicsTable() {
        deadLetteredAsOperator("no credential at all");
        browser.open(console + "/ops");
        browser.element(By.cssSelector("#last-errors li"));
        browser.element(By.cssSelector("#topic-figures tbody tr"));
        browser.screenshot("operator-pipeline-1366");

        assertThat(browser.driver().manage().window().getSize().getWidth()).isEqualTo(1366);
        Box topics = box("#topic-figures");
        Box lastErrors = box("#last-errors");
        assertThat(topics.overlaps(lastErrors)).as("Topics %s and Last errors %s overlap", topics, lastErrors).isFalse();
        assertThat(box("#figures").contains(topics)).as("the Topics table stays inside its section").isTrue();
        Object overflow = ((JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("the page does not scroll sideways").isLessThanOrEqualTo(0);
    }

    /** An element's bounding box on the page, in CSS pixels. */
    private record Box(double left, double top, double right, double bottom) {

        boolean overlaps(Box other) {
            return left < other.right && other.left < right && top < other.bottom && other.top < bottom;
        }

        boolean contains(Box other) {
            return left <= other.left && other.right <= right + 0.5 && top <= other.top && other.bottom <= bottom + 0.5;
        }
    }

    private Box box(String selector) {
        var rect = (java.util.Map<?, ?>) ((JavascriptExecutor) browser.driver()).executeScript(
                "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
                        + " return {left: r.left, top: r.top, right: r.right, bottom: r.bottom};", selector);
        return new Box(number(rect, "left"), number(rect, "top"), number(rect, "right"), number(rect, "bottom"));
    }

    private static double number(java.util.Map<?, ?> rect, String side) {
        return ((Number) rect.get(side)).doubleValue();
    }

    /** Sends bytes that are no credential for a new learner, signs in as the operator, waits for the dead letter. */
    private String deadLetteredAsOperator(String bytes) {
        String learner = Credentials.newRotterdamLearner();
        kafka.sendBytes(CREDENTIALS, learner, bytes.getBytes(StandardCharsets.UTF_8));
        browser.logIn(console, "operator", "demo");
        awaitDeadLetterKeyed(learner);
        return learner;
    }

    /** Registers the university at the registry, as UNIC's alliance admin, and waits until the registry has published it. */
    private void register(String schac) {
        var registered = EmbeddedStack.registry().as("alliance-admin@unic", "demo").put("/api/institutions/" + schac, """
                {"name": "University joining UNIC", "country": "NL", "gradingScheme": "nl-1-10"}
                """);
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        kafka.awaitRecord(ContractTopic.INSTITUTIONS.topic(),
                record -> record.value() instanceof InstitutionUpdated updated && updated.getSchacCode().equals(schac), PIPELINE);
    }

    /** Until the operator console's REST twin lists it (it reads the dead-letter topics as the pages do). */
    private static void awaitDeadLetterKeyed(String key) {
        JsonApi operations = EmbeddedStack.registry().as("operator", "demo");
        await("dead letter keyed " + key).atMost(PIPELINE).pollInterval(Duration.ofMillis(250))
                .until(() -> operations.get("/api/ops/dead-letters?limit=500").body().findValuesAsText("key").contains(key));
    }

    private static By deadLetterRowKeyed(String key) {
        return By.xpath("//table[@id='dead-letter-list']//tr[td[normalize-space(.)='" + key + "']]");
    }

    private static By linkInDeadLetterRowKeyed(String key) {
        return By.xpath("//table[@id='dead-letter-list']//tr[td[normalize-space(.)='" + key + "']]//a");
    }

    private static By auditRowOf(String deadLetter) {
        return By.cssSelector("table#ops-audit tr[data-dlt-offset='" + deadLetter + "']");
    }
}
