package eu.creditbridge.issuer.web;

import static eu.creditbridge.issuer.CredentialFixtures.courseResultFromLodzJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.creditbridge.issuer.IssuerSpringTest;
import eu.creditbridge.issuer.TestAccounts;
import eu.creditbridge.issuer.application.RecordingRecognitionDecision;
import eu.creditbridge.issuer.domain.CredentialId;
import eu.creditbridge.issuer.domain.RecognitionDecision;
import eu.creditbridge.kernel.SchacCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The HTTP API on the whole application, with an in-process MongoDB and Kafka kept off, signed in as Lodz's issuing
 * officer. Who may do what is {@link IssuerDoorsTest}'s.
 */
@IssuerSpringTest
class CredentialApiTest {

    private static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    @Autowired
    MockMvc http;

    @Autowired
    RecordingRecognitionDecision recordingDecisions;

    private ResultActions postCredential(String json) throws Exception {
        return http.perform(post("/api/credentials").with(asOfficer()).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static RequestPostProcessor asOfficer() {
        return TestAccounts.as(TestAccounts.LODZ_OFFICER);
    }

    @Test
    void aValidCourseResultIsIssuedAndWaitsForPublication() throws Exception {
        postCredential(courseResultFromLodzJson())
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", Matchers.startsWith("/api/credentials/")))
                .andExpect(jsonPath("$.status").value("ISSUED"))
                .andExpect(jsonPath("$.publication.state").value("PENDING"))
                .andExpect(jsonPath("$.publication.events[0].type").value("CredentialIssued"))
                .andExpect(jsonPath("$.credential.ectsCredits").value(6.00))
                .andExpect(jsonPath("$.credential.learner.homeInstitution").value("eur.nl"));
    }

    @Test
    void everyBadFieldIsNamedInOneProblem() throws Exception {
        String json = courseResultFromLodzJson()
                .replace("\"uni.lodz.pl\",\n  \"learner\"", "\"Uni Lodz\",\n  \"learner\"")
                .replace("esi:eur.nl:589834", "esi:589834")
                .replace("\"ectsCredits\": 6", "\"ectsCredits\": 6.125")
                .replace("\"eqfLevel\": 7", "\"eqfLevel\": 9")
                .replace("[\"PL\"]", "[\"PL\", \"pl\"]")
                .replace("\"pl-2-5\"", "\"\"");

        postCredential(json)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:creditbridge:problem:invalid-request"))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder(
                        "issuingInstitution", "learner.europeanStudentIdentifier", "ectsCredits", "eqfLevel",
                        "issuerCountries[1]", "grade.scheme")))
                .andExpect(jsonPath("$.errors[?(@.field == 'issuerCountries[1]')].pointer").value("#/issuerCountries/1"));
    }

    @Test
    void oneCredentialOfMoreThanABachelorsCreditsIsRefused() throws Exception {
        postCredential(courseResultFromLodzJson().replace("\"ectsCredits\": 6", "\"ectsCredits\": 240"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("ectsCredits")))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("between 0 and 180")));
    }

    @Test
    void wrongTypesAndUnknownEnumValuesAreAllNamed() throws Exception {
        String json = courseResultFromLodzJson()
                .replace("\"ectsCredits\": 6", "\"ectsCredits\": \"six\"")
                .replace("\"WRITTEN_EXAM\"", "\"MULTIPLE_CHOICE\"")
                .replace("\"ON_SITE\"", "\"HYBRID\"")
                .replace("\"issuedOn\": \"2025-06-27\"", "\"issuedOn\": \"27.06.2025\"")
                .replace("\"notionalHours\": 150", "\"notionalHours\": 150, \"ectsCredit\": 6");

        postCredential(json)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder(
                        "ectsCredits", "assessmentType", "participationForm", "issuedOn", "ectsCredit")))
                .andExpect(jsonPath("$.errors[?(@.field == 'assessmentType')].message")
                        .value(Matchers.hasItem(Matchers.containsString("WRITTEN_EXAM"))));
    }

    @Test
    void missingMandatoryElementsAreNamed() throws Exception {
        postCredential("{\"issuingInstitution\": \"uni.lodz.pl\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.hasItems("learner", "title", "issuerCountries",
                        "awardingBodies", "issuedOn", "learningOutcomes", "ectsCredits", "assessmentType",
                        "participationForm", "qualityAssurance")));
    }

    @Test
    void malformedJsonIsAProblemToo() throws Exception {
        postCredential("{\"title\": ")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("not well-formed JSON")));
    }

    @Test
    void anUnknownCredentialIsNotFound() throws Exception {
        http.perform(get("/api/credentials/" + UUID.randomUUID()).with(asOfficer()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:creditbridge:problem:credential-not-found"));
        http.perform(get("/api/credentials/not-a-uuid").with(asOfficer()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }

    @Test
    void aSecondRevocationIsAConflict() throws Exception {
        String location = postCredential(courseResultFromLodzJson()).andReturn().getResponse().getHeader("Location");
        String reason = "{\"reason\": \"Exam result annulled after an academic integrity review\"}";

        http.perform(post(location + "/revocation").with(asOfficer()).contentType(MediaType.APPLICATION_JSON).content(reason))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REVOKED"))
                .andExpect(jsonPath("$.revocation.reason").value("Exam result annulled after an academic integrity review"))
                .andExpect(jsonPath("$.publication.events[1].type").value("CredentialRevoked"));
        http.perform(post(location + "/revocation").with(asOfficer()).contentType(MediaType.APPLICATION_JSON).content(reason))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:creditbridge:problem:revocation-refused"));
    }

    @Test
    void aRevocationWithoutReasonNamesTheField() throws Exception {
        String location = postCredential(courseResultFromLodzJson()).andReturn().getResponse().getHeader("Location");

        http.perform(post(location + "/revocation").with(asOfficer()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
    }

    @Test
    void aRetryWithTheSameCredentialIdIssuesOnceAndADifferentCredentialUnderItIsRefused() throws Exception {
        String id = UUID.randomUUID().toString();
        String json = courseResultFromLodzJson().replaceFirst("\\{", "{\"credentialId\": \"" + id + "\",");

        postCredential(json).andExpect(status().isCreated());
        postCredential(json).andExpect(status().isOk())
                .andExpect(header().string("Location", "/api/credentials/" + id));
        postCredential(json.replace("\"ectsCredits\": 6", "\"ectsCredits\": 5"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:creditbridge:problem:credential-id-conflict"));
    }

    @Test
    void theCredentialShowsTheLatestDecisionOfEachReceivingInstitution() throws Exception {
        String location = postCredential(courseResultFromLodzJson()).andReturn().getResponse().getHeader("Location");
        var id = CredentialId.of(location.substring(location.lastIndexOf('/') + 1));
        recordingDecisions.record(decision(id, 1, RecognitionDecision.Outcome.NEEDS_REVIEW));
        recordingDecisions.record(decision(id, 2, RecognitionDecision.Outcome.RECOGNISED));
        recordingDecisions.record(decision(id, 1, RecognitionDecision.Outcome.NEEDS_REVIEW));

        http.perform(get(location).with(asOfficer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recognitions.length()").value(1))
                .andExpect(jsonPath("$.recognitions[0].receivingInstitution").value("eur.nl"))
                .andExpect(jsonPath("$.recognitions[0].revision").value(2))
                .andExpect(jsonPath("$.recognitions[0].outcome").value("RECOGNISED"))
                .andExpect(jsonPath("$.recognitions[0].target.code").value("FEM11092"))
                .andExpect(jsonPath("$.recognitions[0].convertedGrade.value").value("8"));
    }

    @Test
    void aLearnersCredentialsAreListed() throws Exception {
        postCredential(courseResultFromLodzJson()).andExpect(status().isCreated());

        var body = http.perform(get("/api/credentials").with(asOfficer())
                        .param("learnerId", "urn:schac:personalUniqueCode:int:esi:eur.nl:589834"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).contains("Data Mining for Economists");
        http.perform(get("/api/credentials").with(asOfficer()).param("learnerId", "nobody").param("size", "1000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("learnerId", "size")));
    }

    private static RecognitionDecision decision(CredentialId id, int revision, RecognitionDecision.Outcome outcome) {
        return new RecognitionDecision("eur.nl/" + id, revision, id, new SchacCode("uni.lodz.pl"), null, new SchacCode("eur.nl"), outcome,
                new BigDecimal("6.00"), new BigDecimal("6.00"),
                new RecognitionDecision.Target("LOCAL_COURSE", "FEM11092", "Data Science for Economics"),
                new eu.creditbridge.issuer.domain.Grade("4.5", "pl-2-5", true),
                new eu.creditbridge.issuer.domain.Grade("8", "nl-1-10", true), "ECTS_GRADING_TABLE",
                List.of(new RecognitionDecision.Reason("equivalence", true, "1100-DME-S2 equals FEM11092")),
                "VALID", 3, "RULES", null, Instant.parse("2025-07-02T09:00:00Z"));
    }
}
