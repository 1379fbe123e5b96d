package eu.creditbridge.recognition.web;

import eu.creditbridge.recognition.RecognitionServiceTest;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Learning agreements over REST, on the application context with Kafka switched off and MongoDB in process. */
@RecognitionServiceTest
// Reads and writes as an administrator; who may reach which institution is InstitutionScopingTest's subject.
@WithMockUser(roles = "ADMIN")
class LearningAgreementControllerTest {

    private static final String PATH = "/api/institutions/{schac}/learners/{learnerId}/learning-agreements";

    @Autowired
    MockMvc mvc;

    private static final String AGREEMENT = """
            {"partnerInstitution": "eur.nl", "status": "APPROVED", "mobilityFrom": "2024-09-01", "mobilityUntil": "2025-03-31",
             "components": [
               {"partnerCourseCode": "FEB22012", "localCourseCode": "INF-2041", "localCourseTitle": "Data Science", "ects": 5},
               {"partnerCourseCode": "FEB13011", "localCourseCode": "ECO-1100", "ects": 7.5}]}
            """;

    @Test
    void anApprovedAgreementIsCreatedThenReplacedAndListed() throws Exception {
        String learner = "urn:schac:personalUniqueCode:int:esi:pl:ola-1";
        mvc.perform(put(PATH + "/{agreementId}", "uni.lodz.pl", learner, "ola-2024-17").contentType(MediaType.APPLICATION_JSON).content(AGREEMENT))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.agreementId").value("ola-2024-17"))
                .andExpect(jsonPath("$.learnerId").value(learner))
                .andExpect(jsonPath("$.components[1].ects").value(7.5));

        mvc.perform(put(PATH + "/{agreementId}", "uni.lodz.pl", learner, "ola-2024-17").contentType(MediaType.APPLICATION_JSON).content(AGREEMENT))
                .andExpect(status().isOk());

        mvc.perform(get(PATH, "uni.lodz.pl", learner))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].partnerInstitution").value("eur.nl"))
                .andExpect(jsonPath("$[0].status").value("APPROVED"))
                .andExpect(jsonPath("$[0].components[0].localCourseTitle").value("Data Science"));
    }

    @Test
    void aLearnerWithoutAgreementsHasAnEmptyList() throws Exception {
        mvc.perform(get(PATH, "uni.lodz.pl", "urn:schac:personalUniqueCode:int:esi:pl:nobody"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void missingAndOutOfRangeFieldsAreNamedInTheProblem() throws Exception {
        mvc.perform(put(PATH + "/{agreementId}", "uni.lodz.pl", "urn:schac:personalUniqueCode:int:esi:pl:ola-2", "ola-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"partnerInstitution": " ", "components": [{"partnerCourseCode": "FEB22012", "localCourseCode": "", "ects": 0}]}
                                """))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItems("partnerInstitution", "status", "components[0].localCourseCode",
                        "components[0].ects")));
    }

    @Test
    void valuesTheDomainRefusesAreNamedToo() throws Exception {
        mvc.perform(put(PATH + "/{agreementId}", "uni.lodz.pl", "urn:schac:personalUniqueCode:int:esi:pl:ola-3", "ola-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"partnerInstitution": "not a schac code", "status": "APPROVED",
                                 "components": [{"partnerCourseCode": "FEB22012", "localCourseCode": "INF-2041", "ects": 5}]}
                                """))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("partnerInstitution")));

        mvc.perform(put(PATH + "/{agreementId}", "uni.lodz.pl", "urn:schac:personalUniqueCode:int:esi:pl:ola-3", "ola-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"partnerInstitution": "uni.lodz.pl", "status": "APPROVED",
                                 "components": [{"partnerCourseCode": "FEB22012", "localCourseCode": "INF-2041", "ects": 5}]}
                                """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("agreement")));
    }

    @Test
    void aBadLearnerIdInThePathIsNamed() throws Exception {
        mvc.perform(put(PATH + "/{agreementId}", "uni.lodz.pl", "anna", "ola-1").contentType(MediaType.APPLICATION_JSON).content(AGREEMENT))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("learnerId"));
    }
}
