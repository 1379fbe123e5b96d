package eu.creditbridge.recognition.web;

import eu.creditbridge.recognition.RecognitionServiceTest;
import static eu.creditbridge.recognition.Fixtures.credential;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.recognition.Fixtures;
import eu.creditbridge.recognition.application.DecisionStore;
import eu.creditbridge.recognition.application.LearnerRecordStore;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.RecognitionCase;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/** The read API over the real application context, with Kafka switched off and MongoDB in process. */
@RecognitionServiceTest
// Reads and writes as an administrator; who may reach which institution is InstitutionScopingTest's subject.
@WithMockUser(roles = "ADMIN")
class RecognitionControllerTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    DecisionStore decisions;
    @Autowired
    LearnerRecordStore records;

    private RecognitionDecision recognised(Credential credential) {
        return decidedAtLodz(decisions, records, credential);
    }

    /** A Rotterdam credential decided at Lodz by the rules (signature valid), stored with its credential and counted. */
    static RecognitionDecision decidedAtLodz(DecisionStore decisions, LearnerRecordStore records, Credential credential) {
        var decision = Fixtures.policy().decide(new RecognitionCase(credential, Fixtures.lodz(), Optional.of(Fixtures.rotterdam()),
                Optional.of(Fixtures.lodzRuleset()), eu.creditbridge.recognition.TrustFixtures.VALID));
        RecognitionDecision stored = decisions.insertOrLoad(RecognitionDecision.byRules(credential, decision,
                Instant.parse("2025-02-20T10:00:00Z")), credential).decision();
        records.recognise(stored);
        return stored;
    }

    @Test
    void learnerRecordIsFoundByAnEsiWithColonsAndShowsTotalsAndComponents() throws Exception {
        // An ESI of its own: the tests of this class share one database.
        EuropeanStudentIdentifier marek = EuropeanStudentIdentifier.of("urn:schac:personalUniqueCode:int:esi:pl:a1b2-7788");
        recognised(credential().learner(marek).build());
        recognised(credential().learner(marek).courseCode(null).title("Sustainable Cities").credits("2.5").build());

        mvc.perform(get("/api/institutions/uni.lodz.pl/learners/{learnerId}/record", marek.value()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.institution").value("uni.lodz.pl"))
                .andExpect(jsonPath("$.learnerId").value("urn:schac:personalUniqueCode:int:esi:pl:a1b2-7788"))
                .andExpect(jsonPath("$.totals.ects").value(7.5))
                .andExpect(jsonPath("$.totals.perLocalCourse.INF-2041").value(5.0))
                .andExpect(jsonPath("$.totals.perCategory.alliance-electives").value(2.5))
                .andExpect(jsonPath("$.components.length()").value(2))
                .andExpect(jsonPath("$.components[0].status").value("RECOGNISED"))
                .andExpect(jsonPath("$.components[0].originalGrade.scheme").value("nl-1-10"));
    }

    @Test
    void learnerWithoutARecordIsA404Problem() throws Exception {
        mvc.perform(get("/api/institutions/uni.lodz.pl/learners/urn:schac:personalUniqueCode:int:esi:pl:999999/record"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value(containsString("urn:schac:personalUniqueCode:int:esi:pl:999999")));
    }

    @Test
    void learnerIdThatIsNotAnEsiIsA400ProblemNamingTheField() throws Exception {
        mvc.perform(get("/api/institutions/uni.lodz.pl/learners/student-42/record"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("learnerId"));
    }

    @Test
    void decisionIsShownWithItsTraceAndRulesetVersion() throws Exception {
        RecognitionDecision decision = recognised(credential().build());

        mvc.perform(get("/api/institutions/uni.lodz.pl/decisions/" + decision.id().credentialId()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("RECOGNISED"))
                .andExpect(jsonPath("$.revision").value(1))
                .andExpect(jsonPath("$.rulesetVersion").value(3))
                .andExpect(jsonPath("$.target.code").value("INF-2041"))
                .andExpect(jsonPath("$.reasons[?(@.decisive == true)].step").value("course-equivalence"));
    }

    @Test
    void credentialIdThatIsNotAUuidIsA400ProblemAndAnUndecidedOneA404() throws Exception {
        mvc.perform(get("/api/institutions/uni.lodz.pl/decisions/not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("credentialId"));
        mvc.perform(get("/api/institutions/uni.lodz.pl/decisions/" + java.util.UUID.randomUUID()))
                .andExpect(status().isNotFound());
    }

    @Test
    void healthIsUpWithTheRegistryViewReportedAsNotRead() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.registryView.status").value("UNKNOWN"))
                .andExpect(jsonPath("$.components.mongo.status").value("UP"));
    }
}
