package eu.creditbridge.recognition.web;

import eu.creditbridge.recognition.RecognitionServiceTest;
import eu.creditbridge.recognition.exchange.PublicSamples;
import static org.hamcrest.Matchers.containsString;
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

    @Test
    void theEwpExampleIsRecordedWithItsTablesAndItsProposalShownAsPending() throws Exception {
        String ivan = "urn:schac:personalUniqueCode:int:esi:uio.no:1234567890";
        String mobility = "c442c289-5541-4cae-9edb-8ad83e133613";
        mvc.perform(put(PATH + "/{agreementId}", "uio.no", ivan, mobility).contentType(MediaType.APPLICATION_XML)
                        .content(PublicSamples.bytes("ewp/omobility-las-get-response-example.xml")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.partnerInstitution").value("uw.edu.pl"))
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.components[*].partnerCourseCode", hasItems("Introductory calculus", "KR502B")))
                .andExpect(jsonPath("$.components[0].targetKind").value("CREDIT_CATEGORY"))
                .andExpect(jsonPath("$.tables.studiedEcts").value(15.0))
                .andExpect(jsonPath("$.tables.recognisedEcts").value(9.0))
                .andExpect(jsonPath("$.tables.recognised[0].losId").value("CR/8f0d7dad-2bb6-d401-48c3-c7e0baf03efb"))
                .andExpect(jsonPath("$.tables.pending.proposalId").value("59B15BAF222F868493C167125FA32452E946"))
                .andExpect(jsonPath("$.tables.pending.changes[0].component.code").value("KR630"));

        mvc.perform(get(PATH, "uio.no", ivan))
                .andExpect(jsonPath("$[0].tables.pending.changes.length()").value(2))
                .andExpect(jsonPath("$[0].tables.studied.length()").value(2));
    }

    @Test
    void aHostileOrWrongDocumentIsRefusedWithTheReason() throws Exception {
        String ivan = "urn:schac:personalUniqueCode:int:esi:uio.no:1234567890";
        mvc.perform(put(PATH + "/{agreementId}", "uio.no", ivan, "ola-x").contentType(MediaType.APPLICATION_XML)
                        .content(PublicSamples.own("ola-external-entity.xml")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.reason", containsString("DOCTYPE")));
        mvc.perform(put(PATH + "/{agreementId}", "eur.nl", ivan, "ola-x").contentType(MediaType.APPLICATION_XML)
                        .content(PublicSamples.bytes("ewp/omobility-las-get-response-example.xml")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reason", containsString("sending (home) institution is uio.no")));
        mvc.perform(put(PATH + "/{agreementId}", "uio.no", ivan, "ola-x").contentType(MediaType.APPLICATION_XML)
                        .content(new byte[5 * 1024 * 1024]))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.title").value("Document too large"));
    }
}
