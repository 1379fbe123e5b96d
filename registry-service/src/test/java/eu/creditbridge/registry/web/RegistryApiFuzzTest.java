package eu.creditbridge.registry.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import eu.creditbridge.messaging.fuzz.FuzzFindings;
import eu.creditbridge.messaging.fuzz.JsonVariants;
import eu.creditbridge.registry.RegistrySpringTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Thousands of generated requests (seeded: {@code -Dcreditbridge.fuzz.seed=...} replays a run,
 * {@code -Dcreditbridge.fuzz.requests=...} makes it longer) against institutions, alliances, memberships, rulesets
 * and ruleset validation: never a 5xx, every 4xx a problem with a title and a detail — anonymous and signed in.
 */
@RegistrySpringTest
// Thousands of exchanges: MockMvc's print-on-failure would copy every one of them to the log.
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class RegistryApiFuzzTest {

    private static final long SEED = Long.getLong("creditbridge.fuzz.seed", 20_261_123L);
    private static final int REQUESTS = Integer.getInteger("creditbridge.fuzz.requests", 2_000);
    private static final List<String> MEDIA_TYPES = List.of(MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE,
            MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE,
            MediaType.APPLICATION_XML_VALUE, "no/such");

    private static final String INSTITUTION = """
            {"erasmusCode": "PL LODZ01", "name": "University of Lodz", "country": "PL", "gradingScheme": "pl-2-5",
             "gradingTable": {"referencePeriod": "2021/22-2023/24", "bands": [
                {"grade": "5.0", "percentage": 20}, {"grade": "4.0", "percentage": 50}, {"grade": "3.0", "percentage": 30}]},
             "signingKeys": [{"keyId": "uni.lodz.pl#2024", "algorithm": "EdDSA",
                "publicKey": "{\\"kty\\":\\"OKP\\",\\"crv\\":\\"Ed25519\\",\\"x\\":\\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\\"}",
                "validFrom": "2024-01-01"}]}
            """;

    private static final String RULESET = """
            {"courseEquivalences": [{"partnerInstitution": "uni.lodz.pl", "partnerCourseCode": "INF-101",
                "localCourseCode": "EUR-INF-101", "localCourseTitle": "Introduction to Programming",
                "validFrom": "2020-01-01", "validUntil": "2030-12-31"}],
             "electiveCategory": "alliance-electives",
             "rules": [
               {"id": "older-than-ten-years", "description": "Out of date", "priority": 20, "condition": "ageInDays() > 3652",
                "action": {"type": "REJECT", "reason": "issued more than ten years before the decision"}},
               {"id": "micro-credentials", "priority": 500, "condition": "credential.courseCode == '' && sharedActiveAlliance()",
                "action": {"type": "ELECTIVE_CREDITS", "category": "micro-credentials", "capEcts": 10},
                "effectiveFrom": "2024-01-01"},
               {"id": "data-science", "priority": 200, "condition": "credential.courseCode == 'DS-1'",
                "action": {"type": "RECOGNISE_AS_COURSE", "localCourseCode": "EUR-DS", "localCourseTitle": "Data Science",
                           "requiredPartnerCourses": ["DS-0"]}}],
             "gradeConversions": [{"partnerInstitution": "uni.lodz.pl", "method": "LINEAR_FORMULA",
                "nMin": 2, "nMax": 5, "scaleBest": 10, "scaleWorst": 5.5}, {"method": "ECTS_GRADING_TABLE"}]}
            """;

    @Autowired
    MockMvc mvc;

    /**
     * Once anonymous (every write refused with a 401 problem before any parsing) and once as the platform admin, whom
     * every door lets through, so the generated bodies reach the controllers and the domain.
     */
    @ParameterizedTest(name = "as {0}")
    @ValueSource(strings = {"anonymous", "admin"})
    void generatedRequestsAreAnsweredWithoutServerErrorsAndEveryRefusalIsAProblem(String who) throws Exception {
        RequestPostProcessor caller = who.equals("anonymous") ? Accounts.anonymous() : Accounts.as(who);
        var variants = new JsonVariants(SEED);
        var findings = new FuzzFindings("registry-service /api as " + who, SEED);
        mvc.perform(put("/api/institutions/eur.nl").with(Accounts.as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content(INSTITUTION.replace("PL LODZ01", "NL ROTTERD01").replace("\"PL\"", "\"NL\"")));
        mvc.perform(put("/api/institutions/uni.lodz.pl").with(Accounts.as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content(INSTITUTION));
        mvc.perform(put("/api/alliances/unic").with(Accounts.as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"UNIC\"}"));

        for (int i = 0; i < REQUESTS; i++) {
            String schac = variants.chance(60) ? variants.pick(List.of("eur.nl", "uni.lodz.pl")) : variants.text();
            String alliance = variants.chance(60) ? "unic" : variants.text();
            MockHttpServletRequestBuilder request;
            String body = null;
            switch (i % 10) {
                case 0, 1 -> {
                    body = variants.of(INSTITUTION);
                    request = put("/api/institutions/{schac}", schac);
                }
                case 2, 3 -> {
                    body = variants.of(RULESET);
                    request = post("/api/institutions/{schac}/rulesets", schac);
                }
                case 4, 5 -> {
                    body = variants.of(RULESET);
                    request = post("/api/institutions/{schac}/rulesets/validation", schac);
                }
                case 6 -> {
                    body = variants.of("{\"name\": \"UNIC\", \"description\": \"Post-industrial cities\"}");
                    request = put("/api/alliances/{alliance}", alliance);
                }
                case 7 -> {
                    body = variants.of("{\"memberSince\": \"2022-11-01\"}");
                    request = put("/api/alliances/{alliance}/members/{schac}", alliance, schac);
                }
                case 8 -> {
                    body = variants.of("{\"suspendedFrom\": \"2025-01-01\", \"reason\": \"Left the alliance\"}");
                    request = post("/api/alliances/{alliance}/members/{schac}/suspension", alliance, schac);
                }
                default -> request = variants.pick(List.of(
                        get("/api/institutions/{schac}", schac),
                        get("/api/institutions/{schac}/rulesets/{version}", schac, variants.text()),
                        get("/api/institutions/{schac}/rulesets/latest", schac),
                        get("/api/alliances/{alliance}", alliance)));
            }
            if (body != null) {
                request.contentType(variants.pick(MEDIA_TYPES)).content(body.getBytes(StandardCharsets.UTF_8));
            }
            request.with(caller);
            perform(findings, request, body);
        }
        findings.report();
    }

    private void perform(FuzzFindings findings, MockHttpServletRequestBuilder request, String body) {
        var sent = request.buildRequest(new MockServletContext());
        String described = sent.getMethod() + " " + sent.getRequestURI() + (body == null ? "" : " " + sent.getContentType() + " " + body);
        try {
            var response = mvc.perform(request).andReturn().getResponse();
            findings.check(described, response.getStatus(), response.getContentType(),
                    response.getContentAsString(StandardCharsets.UTF_8));
        } catch (Exception | StackOverflowError e) {
            findings.failed(described, e);
        }
    }
}
