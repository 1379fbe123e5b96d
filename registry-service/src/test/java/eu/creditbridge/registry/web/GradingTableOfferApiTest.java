package eu.creditbridge.registry.web;

import static eu.creditbridge.registry.web.Accounts.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.creditbridge.registry.RegistrySpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** A grading table offered to an institution: shown beside its own, published only when its admin asks. */
@RegistrySpringTest
class GradingTableOfferApiTest {

    private static final String INSTITUTION = "/api/institutions/offers.example.eu";
    private static final String OFFER = INSTITUTION + "/grading-table-offer";
    private static final String OFFERED_TABLE = """
            {"source": "EWP Transcript of Records, ISCED 0612",
             "gradingTable": {"referencePeriod": "unstated (EWP ToR 2026-12-07)", "bands": [
                {"grade": "A", "percentage": 2.02}, {"grade": "B", "percentage": 9.98}, {"grade": "C", "percentage": 36.59},
                {"grade": "D", "percentage": 26.51}, {"grade": "E", "percentage": 24.90}]}}
            """;

    @Autowired
    MockMvc mvc;

    @Test
    void anOfferedTableIsShownBesideTheCurrentOneAndPublishedOnlyWhenTheAdminAsks() throws Exception {
        mvc.perform(put(INSTITUTION).with(as("admin")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "Offer University", "country": "PL", "gradingScheme": "ects-a-f",
                         "gradingTable": {"referencePeriod": "2020-2023", "bands": [{"grade": "A", "percentage": 100}]}}
                        """))
                .andExpect(status().is2xxSuccessful());
        mvc.perform(put(INSTITUTION + "/issuer-principals").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"principals\": [\"issuer-service\"]}")).andExpect(status().isOk());

        mvc.perform(put(OFFER).with(as(Accounts.ISSUER_SERVICE)).contentType(MediaType.APPLICATION_JSON).content(OFFERED_TABLE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.offered.bands[2].grade").value("C"))
                .andExpect(jsonPath("$.current.referencePeriod").value("2020-2023"))
                .andExpect(jsonPath("$.offeredBy").value("issuer-service"));
        // Offered is not published: the institution's table is still its own.
        mvc.perform(get(INSTITUTION)).andExpect(jsonPath("$.gradingTable.referencePeriod").value("2020-2023"));
        mvc.perform(get(OFFER)).andExpect(status().isOk()).andExpect(jsonPath("$.source").value("EWP Transcript of Records, ISCED 0612"));

        mvc.perform(post(OFFER + "/publication").with(as(Accounts.ISSUER_SERVICE))).andExpect(status().isForbidden());
        mvc.perform(post(OFFER + "/publication").with(as("admin@uni.lodz.pl"))).andExpect(status().isForbidden());
        mvc.perform(get(INSTITUTION)).andExpect(jsonPath("$.gradingTable.referencePeriod").value("2020-2023"));

        mvc.perform(post(OFFER + "/publication").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.gradingTable.bands[0].grade").value("A"))
                .andExpect(jsonPath("$.gradingTable.bands[0].percentage").value(2.02));
        mvc.perform(get(INSTITUTION)).andExpect(jsonPath("$.gradingTable.referencePeriod").value("unstated (EWP ToR 2026-12-07)"));
        mvc.perform(get(OFFER)).andExpect(status().isNotFound());
        mvc.perform(post(OFFER + "/publication").with(as("admin"))).andExpect(status().isNotFound());
    }

    @Test
    void aTableThatDoesNotAddUpOrAnUnlistedMachineIsRefused() throws Exception {
        mvc.perform(put("/api/institutions/offers2.example.eu").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Second Offer University\", \"country\": \"PL\", \"gradingScheme\": \"ects-a-f\"}"))
                .andExpect(status().is2xxSuccessful());
        mvc.perform(put("/api/institutions/offers2.example.eu/grading-table-offer").with(as(Accounts.ISSUER_SERVICE))
                        .contentType(MediaType.APPLICATION_JSON).content(OFFERED_TABLE))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/institutions/offers2.example.eu/grading-table-offer").with(as("admin"))
                        .contentType(MediaType.APPLICATION_JSON).content(OFFERED_TABLE.replace("24.90", "20")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("gradingTable.bands"));
    }
}
