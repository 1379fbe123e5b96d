package eu.creditbridge.registry.web;

import static eu.creditbridge.registry.web.Accounts.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.creditbridge.registry.RegistrySpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@RegistrySpringTest
class RegistryApiTest {

    private static final String LODZ = """
            {"erasmusCode": "PL LODZ01", "name": "University of Lodz", "country": "PL", "gradingScheme": "pl-2-5",
             "gradingTable": {"referencePeriod": "2021/22-2023/24", "bands": [
                {"grade": "5.0", "percentage": 20}, {"grade": "4.0", "percentage": 50}, {"grade": "3.0", "percentage": 30}]},
             "signingKeys": [{"keyId": "uni.lodz.pl#2024", "algorithm": "EdDSA",
                "publicKey": "{\\"kty\\":\\"OKP\\",\\"crv\\":\\"Ed25519\\",\\"x\\":\\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\\"}",
                "validFrom": "2024-01-01"}]}
            """;

    @Autowired
    MockMvc mvc;

    @Test
    void institutionIsCreatedThenReplacedAndReadBack() throws Exception {
        putJson("/api/institutions/uni.lodz.pl", LODZ).andExpect(status().isCreated())
                .andExpect(jsonPath("$.schacCode").value("uni.lodz.pl"))
                .andExpect(jsonPath("$.gradingTable.bands[0].percentage").value(20.00));
        putJson("/api/institutions/uni.lodz.pl", LODZ.replace("University of Lodz", "Uniwersytet Łódzki"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/institutions/uni.lodz.pl")).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Uniwersytet Łódzki"))
                .andExpect(jsonPath("$.signingKeys[0].validFrom").value("2024-01-01"));
        mvc.perform(get("/api/institutions")).andExpect(jsonPath("$[*].schacCode", hasItem("uni.lodz.pl")));
    }

    @Test
    void institutionWithSeveralBadFieldsIsRefusedNamingEachOfThem() throws Exception {
        putJson("/api/institutions/uni.lodz.pl", """
                {"erasmusCode": "lodz", "name": "University of Lodz", "country": "XX", "gradingScheme": "pl-2-5",
                 "gradingTable": {"referencePeriod": "2023", "bands": [{"grade": "5.0", "percentage": 60}, {"grade": "4.0", "percentage": 30}]},
                 "signingKeys": [{"keyId": "k", "algorithm": "EdDSA", "publicKey": "{}", "validFrom": "2024-01-01", "validUntil": "2023-01-01"}]}
                """)
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.type").value("urn:creditbridge:problem:invalid-request"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("erasmusCode")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("country")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("gradingTable.bands")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("signingKeys[0].validUntil")));
    }

    @Test
    void missingRequiredFieldsAreNamed() throws Exception {
        putJson("/api/institutions/uni.lodz.pl", "{\"country\": \"PL\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("gradingScheme")));
    }

    @Test
    void malformedSchacCodeInThePathIsNamed() throws Exception {
        mvc.perform(get("/api/institutions/Not_A_Domain")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("schac"));
    }

    @Test
    void malformedDateIsNamedByItsField() throws Exception {
        putJson("/api/alliances/unic", "{\"name\": \"UNIC\"}");
        putJson("/api/alliances/unic/members/uni.lodz.pl", "{\"memberSince\": \"1st of November\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("memberSince"));
    }

    @Test
    void unknownInstitutionIsA404Problem() throws Exception {
        mvc.perform(get("/api/institutions/unknown.example.org")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:creditbridge:problem:not-found"))
                .andExpect(jsonPath("$.kind").value("institution"))
                .andExpect(jsonPath("$.id").value("unknown.example.org"));
        mvc.perform(get("/api/alliances/nowhere")).andExpect(status().isNotFound());
        mvc.perform(get("/api/institutions/unknown.example.org/rulesets/latest")).andExpect(status().isNotFound());
    }

    @Test
    void memberIsSuspendedAndReinstated() throws Exception {
        putJson("/api/institutions/uni.lodz.pl", LODZ);
        putJson("/api/alliances/unic", "{\"name\": \"UNIC\", \"description\": \"Post-industrial cities\"}");
        putJson("/api/alliances/unic/members/uni.lodz.pl", "{\"memberSince\": \"2022-11-01\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACTIVE"));

        mvc.perform(post("/api/alliances/unic/members/uni.lodz.pl/suspension").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"suspendedFrom\": \"2024-03-04\", \"reason\": \"test\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("SUSPENDED"));
        mvc.perform(post("/api/alliances/unic/members/uni.lodz.pl/suspension").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"suspendedFrom\": \"2024-03-05\", \"reason\": \"again\"}"))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/alliances/unic")).andExpect(jsonPath("$.members[0].status").value("SUSPENDED"))
                .andExpect(jsonPath("$.members[0].suspendedFrom").value("2024-03-04"));

        mvc.perform(delete("/api/alliances/unic/members/uni.lodz.pl/suspension").with(as("admin")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACTIVE"));
        mvc.perform(get("/api/institutions/uni.lodz.pl")).andExpect(jsonPath("$.memberships[0].allianceName").value("UNIC"));
    }

    @Test
    void suspensionOfANonMemberIsA404() throws Exception {
        putJson("/api/institutions/uni.lodz.pl", LODZ);
        putJson("/api/alliances/arqus", "{\"name\": \"Arqus\"}");
        mvc.perform(post("/api/alliances/arqus/members/uni.lodz.pl/suspension").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"suspendedFrom\": \"2024-03-04\", \"reason\": \"test\"}"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.kind").value("membership"));
    }

    @Test
    void publishedRulesetGetsTheNextVersionAndALocation() throws Exception {
        putJson("/api/institutions/eur.nl", LODZ.replace("PL LODZ01", "NL ROTTERD01").replace("\"PL\"", "\"NL\""));
        String ruleset = """
                {"courseEquivalences": [{"partnerInstitution": "uni.lodz.pl", "partnerCourseCode": "INF-101",
                  "localCourseCode": "EUR-INF-101", "localCourseTitle": "Introduction to Programming"}],
                 "electiveCategory": "alliance-electives"}
                """;
        mvc.perform(post("/api/institutions/eur.nl/rulesets").with(as("admin")).contentType(MediaType.APPLICATION_JSON).content(ruleset))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(1));
        mvc.perform(post("/api/institutions/eur.nl/rulesets").with(as("admin")).contentType(MediaType.APPLICATION_JSON).content(ruleset))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/institutions/eur.nl/rulesets/2"))
                .andExpect(jsonPath("$.version").value(2));

        mvc.perform(get("/api/institutions/eur.nl/rulesets/latest")).andExpect(jsonPath("$.version").value(2));
        mvc.perform(get("/api/institutions/eur.nl/rulesets/1"))
                .andExpect(jsonPath("$.courseEquivalences[0].localCourseCode").value("EUR-INF-101"));
        mvc.perform(get("/api/institutions/eur.nl/rulesets")).andExpect(jsonPath("$.length()").value(2));
        mvc.perform(get("/api/institutions/eur.nl/rulesets/9")).andExpect(status().isNotFound());
        mvc.perform(get("/api/institutions/eur.nl/rulesets/first")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
    }

    @Test
    void overlappingEquivalencesAreReportedBeforePublishing() throws Exception {
        putJson("/api/institutions/eur.nl", LODZ.replace("PL LODZ01", "NL ROTTERD01").replace("\"PL\"", "\"NL\""));
        mvc.perform(post("/api/institutions/eur.nl/rulesets").with(as("admin")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"courseEquivalences": [
                          {"partnerInstitution": "uni.lodz.pl", "partnerCourseCode": "INF-101", "localCourseCode": "EUR-INF-101"},
                          {"partnerInstitution": "uni.lodz.pl", "partnerCourseCode": "INF-101", "localCourseCode": "EUR-INF-102"},
                          {"partnerInstitution": "Lodz", "partnerCourseCode": "ECO-110", "localCourseCode": "EUR-ECO-110"}]}
                        """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("courseEquivalences[2].partnerInstitution")));
    }

    private ResultActions putJson(String path, String body) throws Exception {
        return mvc.perform(put(path).with(as("admin")).contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
