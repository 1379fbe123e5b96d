package eu.creditbridge.issuer.web.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.creditbridge.issuer.IssuerSpringTest;
import eu.creditbridge.issuer.Samples;
import eu.creditbridge.issuer.TestAccounts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * POST /api/transcripts on the whole application (in-process MongoDB, Kafka off): every public sample imports or is
 * refused naming what it lacks, and documents of our own cover what real exports do (another namespace version, labels
 * as grades, 7.5 ECTS, two attempts at one course, hundreds of courses, a corrected result, hostile XML).
 */
@IssuerSpringTest
class TranscriptImportTest {

    private static final String SETTINGS = "assessmentType=WRITTEN_EXAM&participationForm=ON_SITE"
            + "&qualityAssurance=INTERNAL_INSTITUTIONAL&homeInstitution=eur.nl";
    /** Each test its own learners, so imports of one test never meet another's in the shared store. */
    private static final AtomicLong LEARNERS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Autowired
    MockMvc http;

    private final JsonMapper json = JsonMapper.builder().build();

    private static String newLearner() {
        return "urn:schac:personalUniqueCode:int:esi:eur.nl:" + LEARNERS.incrementAndGet();
    }

    private ResultActions importXml(String account, String query, byte[] document) throws Exception {
        return http.perform(request(account, query).contentType(MediaType.APPLICATION_XML).content(document));
    }

    private static MockHttpServletRequestBuilder request(String account, String query) {
        return post("/api/transcripts?" + query).with(TestAccounts.as(account));
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static byte[] ownDocument(String learner) throws IOException {
        String text = new ClassPathResource("transcripts/lodz-elmo-v2-awkward.xml").getContentAsString(StandardCharsets.UTF_8);
        return text.replace("urn:schac:personalUniqueCode:int:esi:eur.nl:700001", learner).getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode result(JsonNode answer, String opportunity, String outcome) {
        for (var item : answer.path("results")) {
            if (item.path("learningOpportunity").asString("").equals(opportunity) && item.path("outcome").asString("").equals(outcome)) {
                return item;
            }
        }
        throw new AssertionError("no " + outcome + " result for " + opportunity + " in " + answer.toPrettyString());
    }

    @Test
    void theOfficialElmoExampleIssuesItsCourseAndSaysWhyTheRestIsNot() throws Exception {
        var answer = body(importXml(TestAccounts.WARSAW_SYSTEM, SETTINGS + "&learnerId=" + newLearner(),
                Samples.bytes("elmo-v2.0.0/example.xml")).andExpect(status().isOk()));

        assertThat(answer.path("document").asString()).isEqualTo("ELMO");
        var course = result(answer, "1000-217bMRJ", "ISSUED");
        assertThat(course.path("ectsCredits").decimalValue()).isEqualByComparingTo("6");
        assertThat(course.path("notes").toString()).contains("'0-100'", "unconverted", "language of instruction 'pl'");
        assertThat(result(answer, "MNM2-BIO", "SKIPPED").path("reason").asString()).contains("degree programme");
        assertThat(result(answer, "2829051", "SKIPPED").path("reason").asString()).contains("no credits");
        assertThat(result(answer, "2829515", "SKIPPED").path("reason").asString()).contains("no credits");
        // No identifier and no credits: the CDATA-split title read whole, and skipped before an id would be needed.
        var untitled = result(answer, "", "SKIPPED");
        assertThat(untitled.path("title").asString()).isEqualTo("The importance of <br> in HTML");
        assertThat(untitled.path("reason").asString()).isEqualTo("no credits");
        assertThat(answer.path("counts").path("issued").asInt()).isEqualTo(1);
        // A course inside the degree, with credits but no description: the learning outcomes the contract requires are missing.
        assertThat(result(answer, "EKSTERN", "REFUSED").path("problems").toString()).contains("learningOutcomes");
        assertThat(answer.path("supplied").toString()).contains("learner.europeanStudentIdentifier", "nationalIdentifier",
                "learner.homeInstitution");

        var credential = json.readTree(http.perform(get("/api/credentials/" + course.path("credentialId").asString())
                .with(TestAccounts.as(TestAccounts.WARSAW_SYSTEM))).andReturn().getResponse().getContentAsString());
        var issued = credential.path("credential");
        assertThat(issued.path("title").asString()).isEqualTo("Compiler construction");
        assertThat(issued.path("sourceCourseCode").asString()).isEqualTo("1000-217bMRJ");
        assertThat(issued.path("eqfLevel").asInt()).isEqualTo(5);
        assertThat(issued.path("iscedFieldCode").asString()).isEqualTo("0612");
        assertThat(issued.path("issuedOn").asString()).isEqualTo("2015-03-17");
        assertThat(issued.path("grade").path("value").asString()).isEqualTo("45.1");
        assertThat(issued.path("grade").path("scheme").asString()).isEqualTo("0-100");
        assertThat(issued.path("issuerCountries").toString()).contains("PL");
        assertThat(issued.path("awardingBodies").get(0).path("name").asString()).isEqualTo("University of Warsaw");
        assertThat(issued.path("learner").path("fullName").asString()).isEqualTo("Wojciech Łukasz Rygielski");
        assertThat(credential.path("status").asString()).isEqualTo("ISSUED");
    }

    @Test
    void withoutTheLearnersEsiTheOfficialExampleIsRefusedNamingIt() throws Exception {
        importXml(TestAccounts.WARSAW_SYSTEM, SETTINGS, Samples.bytes("elmo-v2.0.0/example.xml"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("learnerId"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("nationalIdentifier")));
    }

    @Test
    void theEwpTranscriptOfRecordsSkipsItsOnlyCourseForItHasNoCredits() throws Exception {
        var answer = body(importXml(TestAccounts.WARSAW_SYSTEM, SETTINGS + "&learnerId=" + newLearner(),
                Samples.bytes("ewp/tors-get-response-example.xml")).andExpect(status().isOk()));

        assertThat(answer.path("document").asString()).isEqualTo("EWP Transcript of Records");
        var course = result(answer, "CR/19560ed8-5183-4842-9bb0-2b7e23f56522", "SKIPPED");
        assertThat(course.path("title").asString()).isEqualTo("The importance of <br> in HTML");
        assertThat(course.path("reason").asString()).isEqualTo("no credits");
        // Its grade conversion table, shown as the ECTS grading table it would be; offering it needs the registry,
        // which this test has none of (issuer-service's registry URL points nowhere), and the answer says so.
        var distribution = answer.path("gradeDistributions").get(0);
        assertThat(distribution.path("iscedCode").asString()).isEqualTo("0612");
        assertThat(distribution.path("frequencies").size()).isEqualTo(6);
        assertThat(distribution.path("gradingTable").get(0).path("grade").asString()).isEqualTo("A");
        assertThat(distribution.path("gradingTable").get(0).path("percentage").decimalValue()).isEqualByComparingTo("2.02");
        assertThat(distribution.path("offered").asBoolean()).isFalse();
        assertThat(distribution.path("note").asString()).startsWith("not offered: the registry did not answer");
    }

    @Test
    void theLearningAgreementSampleIsRefusedAsNoTranscript() throws Exception {
        importXml(TestAccounts.WARSAW_SYSTEM, SETTINGS, Samples.bytes("ewp/omobility-las-get-response-example.xml"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("learning agreement, not a transcript")));
    }

    @Test
    void theEuropassSampleIsRefusedNamingWhatItLacksThenIssuedWithItSupplied() throws Exception {
        byte[] sample = Samples.bytes("europass/Sample-MC-Annex1-unsigned.jsonld");
        var ldJson = MediaType.parseMediaType("application/ld+json");
        http.perform(request(TestAccounts.LODZ_OFFICER, "homeInstitution=eur.nl").contentType(ldJson).content(sample))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("issuingInstitution"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("University of Zed")));

        String learner = newLearner();
        var refused = body(http.perform(request(TestAccounts.LODZ_OFFICER,
                "homeInstitution=eur.nl&issuingInstitution=uni.lodz.pl&learnerId=" + learner).contentType(ldJson).content(sample))
                .andExpect(status().isOk()));
        var problems = refused.path("results").get(0).path("problems").toString();
        assertThat(refused.path("results").get(0).path("outcome").asString()).isEqualTo("REFUSED");
        assertThat(problems).contains("qualityAssurance", "accreditation");

        var answer = body(http.perform(request(TestAccounts.LODZ_OFFICER, "homeInstitution=eur.nl&issuingInstitution=uni.lodz.pl"
                        + "&qualityAssurance=INTERNAL_INSTITUTIONAL&gradingScheme=Standard grading:pass-fail&learnerId=" + learner)
                .contentType(ldJson).content(sample)).andExpect(status().isOk()));
        var item = answer.path("results").get(0);
        assertThat(item.path("outcome").asString()).as(answer.toPrettyString()).isEqualTo("ISSUED");
        assertThat(item.path("notes").toString()).contains("learning setting 'non-formal learning'", "NQF level");
        var issued = json.readTree(http.perform(get("/api/credentials/" + item.path("credentialId").asString())
                .with(TestAccounts.as(TestAccounts.LODZ_OFFICER))).andReturn().getResponse().getContentAsString()).path("credential");
        assertThat(issued.path("title").asString()).isEqualTo("Digital micro-credential creation");
        assertThat(issued.path("ectsCredits").decimalValue()).isEqualByComparingTo("2");
        assertThat(issued.path("eqfLevel").asInt()).isEqualTo(6);
        assertThat(issued.path("iscedFieldCode").asString()).isEqualTo("003");
        assertThat(issued.path("notionalHours").asInt()).isEqualTo(60);
        assertThat(issued.path("participationForm").asString()).isEqualTo("BLENDED");
        assertThat(issued.path("identityVerification").asString()).isEqualTo("UNSUPERVISED_NO_IDENTITY_CHECK");
        assertThat(issued.path("grade").path("value").asString()).isEqualTo("Pass");
        assertThat(issued.path("grade").path("scheme").asString()).isEqualTo("pass-fail");
        assertThat(issued.path("issuerCountries").toString()).contains("IE");
        assertThat(issued.path("awardingBodies").get(0).path("name").asString()).isEqualTo("University of Zed");
        assertThat(issued.path("prerequisites").asString()).contains("EU Login");
        assertThat(issued.path("learningOutcomes").toString()).contains("http://data.europa.eu/esco/skill/ccdf3597-5c80-410f-896d-e1bdfa223de9");
    }

    @Test
    void anAwkwardExportOfOurOwnImportsEachCourseByItsOwnRules() throws Exception {
        String learner = newLearner();
        var answer = body(importXml(TestAccounts.LODZ_OFFICER, SETTINGS + "&gradingScheme=PL:pl-2-5", ownDocument(learner))
                .andExpect(status().isOk()));

        var programming = result(answer, "INF-101", "ISSUED");
        assertThat(programming.path("notes").toString()).contains("mapped to the registry's 'pl-2-5'");
        assertThat(result(answer, "INF-101-LAB", "SKIPPED").path("reason").asString()).contains("no credits");
        assertThat(result(answer, "SUS-201", "ISSUED").path("ectsCredits").decimalValue()).isEqualByComparingTo("7.5");
        assertThat(result(answer, "SUS-201", "ISSUED").path("notes").toString()).contains("'se-vg'", "unconverted");
        assertThat(result(answer, "HIS-110", "SKIPPED").path("reason").asString()).contains("not passed");
        assertThat(result(answer, "HIS-110", "ISSUED").path("title").asString()).isEqualTo("Historia de Europa");
        assertThat(result(answer, "SPORT-1", "SKIPPED").path("reason").asString()).contains("only local-hours");
        assertThat(result(answer, "MAT-150", "REFUSED").path("problems").toString()).contains("learningOutcomes", "no description");
        assertThat(answer.path("counts").path("issued").asInt()).isEqualTo(3);
        assertThat(answer.path("supplied").toString()).doesNotContain("europeanStudentIdentifier");
    }

    @Test
    void theReadmesExampleIssuesBothPassedCoursesAndSkipsTheRest() throws Exception {
        var answer = body(importXml(TestAccounts.LODZ_OFFICER, "homeInstitution=eur.nl&assessmentType=WRITTEN_EXAM"
                        + "&participationForm=ON_SITE&qualityAssurance=EXTERNAL_EQAR_AGENCY&gradingScheme=PL:pl-2-5",
                Samples.example("transcript-elmo.xml")).andExpect(status().isOk()));

        assertThat(answer.path("counts").toString()).isEqualTo("{\"issued\":2,\"unchanged\":0,\"corrected\":0,\"skipped\":2,\"refused\":0}");
        result(answer, "INF-101", "ISSUED");
        result(answer, "SUS-201", "ISSUED");
        assertThat(result(answer, "INF-101-LAB", "SKIPPED").path("reason").asString()).isEqualTo("no credits");
        assertThat(result(answer, "STA-110", "SKIPPED").path("reason").asString()).isEqualTo("not passed (status 'failed')");
    }

    @Test
    void twoResultsForTheSameAttemptAreBothRefusedRatherThanGuessed() throws Exception {
        String instance = """
                <learningOpportunityInstance><start>2025-02-20</start><date>2025-06-25</date><resultLabel>%s</resultLabel>
                  <credit><scheme>ects</scheme><value>5</value></credit></learningOpportunityInstance>""";
        String document = """
                <elmo xmlns="https://github.com/emrex-eu/elmo-schemas/tree/v1">
                  <learner><identifier type="esi">%s</identifier></learner>
                  <report><issuer><country>PL</country><identifier type="schac">uni.lodz.pl</identifier></issuer>
                    <learningOpportunitySpecification><identifier type="local">HIS-110</identifier><title>History</title>
                      <description>Explains European integration.</description>
                      <specifies>%s%s</specifies></learningOpportunitySpecification></report>
                </elmo>""".formatted(newLearner(), instance.formatted("4"), instance.formatted("5"));

        var answer = body(importXml(TestAccounts.LODZ_OFFICER, SETTINGS, document.getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isOk()));

        assertThat(answer.path("counts").path("refused").asInt()).isEqualTo(2);
        assertThat(answer.path("counts").path("issued").asInt()).isZero();
        assertThat(answer.path("results").get(0).path("problems").get(0).path("message").asString())
                .contains("same learning opportunity instance", "neither is issued");
    }

    @Test
    void importingTheSameTranscriptTwiceIssuesNothingNew() throws Exception {
        String learner = newLearner();
        var first = body(importXml(TestAccounts.LODZ_OFFICER, SETTINGS, ownDocument(learner)).andExpect(status().isOk()));
        var second = body(importXml(TestAccounts.LODZ_OFFICER, SETTINGS, ownDocument(learner)).andExpect(status().isOk()));

        assertThat(second.path("counts").path("issued").asInt()).isZero();
        assertThat(second.path("counts").path("unchanged").asInt()).isEqualTo(first.path("counts").path("issued").asInt());
        assertThat(result(second, "INF-101", "UNCHANGED").path("credentialId"))
                .isEqualTo(result(first, "INF-101", "ISSUED").path("credentialId"));
    }

    @Test
    void aChangedResultRevokesTheOldCredentialAndIssuesTheNewOne() throws Exception {
        String learner = newLearner();
        var first = body(importXml(TestAccounts.LODZ_OFFICER, SETTINGS, ownDocument(learner)));
        String oldId = result(first, "INF-101", "ISSUED").path("credentialId").asString();
        // A retake of HIS-110's exam re-graded, dated the day of the correction: the same attempt (its start), corrected.
        byte[] corrected = new String(ownDocument(learner), StandardCharsets.UTF_8)
                .replace("<resultLabel>4.5</resultLabel>", "<resultLabel>5</resultLabel>")
                .replace("<resultLabel>bien</resultLabel>", "<resultLabel>notable</resultLabel>")
                .replace("<date>2025-06-25</date>", "<date>2025-07-15</date>").getBytes(StandardCharsets.UTF_8);

        var second = body(importXml(TestAccounts.LODZ_OFFICER, SETTINGS, corrected).andExpect(status().isOk()));

        var correction = result(second, "INF-101", "CORRECTED");
        assertThat(correction.path("replaces").asString()).isEqualTo(oldId);
        assertThat(correction.path("credentialId").asString()).isNotEqualTo(oldId);
        assertThat(second.path("counts").path("unchanged").asInt()).isEqualTo(1);
        assertThat(result(second, "HIS-110", "CORRECTED").path("replaces").asString())
                .isEqualTo(result(first, "HIS-110", "ISSUED").path("credentialId").asString());
        http.perform(get("/api/credentials/" + oldId).with(TestAccounts.as(TestAccounts.LODZ_OFFICER)))
                .andExpect(jsonPath("$.status").value("REVOKED"))
                .andExpect(jsonPath("$.revocation.reason").value(Matchers.containsString(correction.path("credentialId").asString())));
        http.perform(get("/api/credentials/" + correction.path("credentialId").asString()).with(TestAccounts.as(TestAccounts.LODZ_OFFICER)))
                .andExpect(jsonPath("$.status").value("ISSUED"))
                .andExpect(jsonPath("$.credential.grade.value").value("5"));
    }

    @Test
    void aTranscriptOfHundredsOfCoursesImportsInOneRequest() throws Exception {
        var courses = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            courses.append("""
                    <learningOpportunitySpecification><identifier type="local">C-%1$d</identifier>
                      <title xml:lang="en">Course %1$d</title><description>Outcome of course %1$d.</description>
                      <specifies><learningOpportunityInstance><date>2025-06-20</date><resultLabel>4</resultLabel>
                        <credit><scheme>ects</scheme><value>%2$s</value></credit></learningOpportunityInstance></specifies>
                    </learningOpportunitySpecification>
                    """.formatted(i, i % 2 == 0 ? "5" : "2.5"));
        }
        String document = """
                <elmo xmlns="https://github.com/emrex-eu/elmo-schemas/tree/v1">
                  <learner><identifier type="esi">%s</identifier></learner>
                  <report><issuer><country>PL</country><identifier type="schac">uni.lodz.pl</identifier></issuer>%s</report>
                </elmo>""".formatted(newLearner(), courses);

        var answer = body(importXml(TestAccounts.LODZ_SYSTEM, SETTINGS, document.getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isOk()));

        assertThat(answer.path("counts").path("issued").asInt()).as(answer.path("results").get(0).toString()).isEqualTo(300);
        assertThat(answer.path("results").get(0).path("notes").toString()).contains("'unspecified'");
    }

    @Test
    void anotherInstitutionsTranscriptIsForbiddenAndNothingIsIssued() throws Exception {
        importXml("officer@eur.nl", SETTINGS, ownDocument(newLearner()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.issuingInstitution").value("uni.lodz.pl"));
    }

    @Test
    void aDoctypeIsRefusedBeforeAnyEntityIsRead() throws Exception {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE elmo [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <elmo xmlns="https://github.com/emrex-eu/elmo-schemas/tree/v1"><learner><givenNames>&secret;</givenNames></learner></elmo>""";
        importXml(TestAccounts.LODZ_OFFICER, SETTINGS, xxe.getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("DOCTYPE is not allowed")));
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
                <elmo xmlns="https://github.com/emrex-eu/elmo-schemas/tree/v1">&lol2;</elmo>""";
        importXml(TestAccounts.LODZ_OFFICER, SETTINGS, laughs.getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("DOCTYPE is not allowed")));
    }

    @Test
    void xmlThatIsNotWellFormedOrNotElmoIsRefusedWithWhere() throws Exception {
        importXml(TestAccounts.LODZ_OFFICER, SETTINGS, "<elmo><report></elmo>".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("not well-formed XML (line 1")));
        importXml(TestAccounts.LODZ_OFFICER, SETTINGS, "<elmo xmlns=\"urn:other\"/>".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("not ELMO's")));
    }

    @Test
    void anImportHasItsOwnLimitOfAFewMegabytesAboveTheJsonLimit() throws Exception {
        // 1 MB: eight times a JSON credential's limit, read; 5 MB: over the import limit, refused unread.
        String padding = "<!--" + "x".repeat(1024 * 1024) + "-->";
        var big = new String(ownDocument(newLearner()), StandardCharsets.UTF_8).replace("<report>", padding + "<report>");
        importXml(TestAccounts.LODZ_OFFICER, SETTINGS, big.getBytes(StandardCharsets.UTF_8)).andExpect(status().isOk());

        byte[] tooLarge = ("<elmo>" + "x".repeat(5 * 1024 * 1024) + "</elmo>").getBytes(StandardCharsets.UTF_8);
        importXml(TestAccounts.LODZ_OFFICER, SETTINGS, tooLarge)
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.type").value("urn:creditbridge:problem:request-too-large"));
        http.perform(post("/api/credentials").with(TestAccounts.as(TestAccounts.LODZ_OFFICER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"" + "x".repeat(200 * 1024) + "\"}"))
                .andExpect(status().isContentTooLarge());
    }
}
