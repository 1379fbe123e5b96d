package eu.creditbridge.recognition.web;

import eu.creditbridge.recognition.RecognitionServiceTest;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import eu.creditbridge.messaging.fuzz.FuzzFindings;
import eu.creditbridge.messaging.fuzz.JsonVariants;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Thousands of generated requests (seeded: {@code -Dcreditbridge.fuzz.seed=...} replays a run,
 * {@code -Dcreditbridge.fuzz.requests=...} makes it longer) against learning agreements, learner records and the
 * review API, anonymous (every one refused as a 401 problem), as an administrator and as Rotterdam's registrar (who is
 * refused other institutions): never a 5xx, every 4xx a problem with a title and a detail.
 */
@RecognitionServiceTest
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class RecognitionApiFuzzTest {

    private static final long SEED = Long.getLong("creditbridge.fuzz.seed", 20_261_123L);
    private static final int REQUESTS = Integer.getInteger("creditbridge.fuzz.requests", 2_000);
    private static final String AGREEMENTS = "/api/institutions/{schac}/learners/{learnerId}/learning-agreements";
    private static final String LEARNER = "urn:schac:personalUniqueCode:int:esi:eur.nl:589834";
    private static final List<String> MEDIA_TYPES = List.of(MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE,
            MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE,
            MediaType.APPLICATION_XML_VALUE, "no/such");

    private static final String AGREEMENT = """
            {"partnerInstitution": "uni.lodz.pl", "status": "APPROVED", "mobilityFrom": "2024-09-01", "mobilityUntil": "2025-03-31",
             "components": [
               {"partnerCourseCode": "FEB22012", "localCourseCode": "INF-2041", "localCourseTitle": "Data Science", "ects": 5},
               {"partnerCourseCode": "FEB13011", "localCourseCode": "ECO-1100", "ects": 7.5}]}
            """;

    @Autowired
    MockMvc mvc;
    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService accounts;

    @org.junit.jupiter.params.ParameterizedTest(name = "as {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"anonymous", "admin", "registrar@eur.nl"})
    void generatedRequestsAreAnsweredWithoutServerErrorsAndEveryRefusalIsAProblem(String caller) {
        var variants = new JsonVariants(SEED);
        var findings = new FuzzFindings("recognition-service /api as " + caller, SEED);
        // Anonymous requests all stop at the door: fewer of them say as much.
        int requests = caller.equals("anonymous") ? REQUESTS / 4 : REQUESTS;

        for (int i = 0; i < requests; i++) {
            String schac = variants.chance(70) ? "eur.nl" : variants.text();
            String learner = variants.chance(70) ? LEARNER : variants.text();
            String credential = variants.chance(50) ? UUID.randomUUID().toString() : variants.text();
            MockHttpServletRequestBuilder request;
            String body = null;
            switch (i % 10) {
                case 0, 1, 2, 3 -> {
                    body = variants.of(AGREEMENT);
                    request = put(AGREEMENTS + "/{agreementId}", schac, learner, variants.chance(60) ? "ola-2024-17" : variants.text());
                }
                case 4 -> {
                    body = variants.of("{\"targetCourse\": \"EUR-INF-101\", \"credits\": 6, \"convertedGrade\": \"8\", \"reason\": \"Matches\"}");
                    request = post("/api/institutions/{schac}/decisions/{credentialId}/approval", schac, credential);
                }
                case 5 -> {
                    body = variants.of("{\"reason\": \"Not equivalent\"}");
                    request = post("/api/institutions/{schac}/decisions/{credentialId}/rejection", schac, credential);
                }
                case 6 -> {
                    body = variants.of("{\"question\": \"Which syllabus?\"}");
                    request = post("/api/institutions/{schac}/decisions/{credentialId}/question", schac, credential);
                }
                case 7 -> {
                    body = variants.of("{\"credentialIds\": [\"" + UUID.randomUUID() + "\"], \"reason\": \"Batch\"}");
                    request = post("/api/institutions/{schac}/decisions/approvals", schac);
                }
                case 8 -> request = get("/api/institutions/{schac}/review-queue", schac)
                        .param(variants.pick(List.of("sort", "page", "size", "olderThanDays", "outcome", "partner")), variants.text())
                        .param(variants.pick(List.of("sort", "page", "size", "category", "alliance")), variants.text());
                default -> request = variants.pick(List.of(
                        get(AGREEMENTS, schac, learner),
                        get("/api/institutions/{schac}/learners/{learnerId}/record", schac, learner),
                        get("/api/institutions/{schac}/learners/{learnerId}/decisions", schac, learner),
                        get("/api/institutions/{schac}/decisions/{credentialId}", schac, credential),
                        get("/api/institutions/{schac}/decisions/{credentialId}/audit", schac, credential),
                        get("/api/institutions/{schac}/search", schac).param("q", variants.text())));
            }
            if (body != null) {
                request.contentType(variants.pick(MEDIA_TYPES)).content(body.getBytes(StandardCharsets.UTF_8));
            }
            if (!caller.equals("anonymous")) {
                request.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                        accounts.loadUserByUsername(caller)));
            }
            perform(findings, request, body);
        }
        findings.report();
    }

    private void perform(FuzzFindings findings, MockHttpServletRequestBuilder request, String body) {
        var sent = request.buildRequest(new MockServletContext());
        String described = sent.getMethod() + " " + sent.getRequestURI()
                + (sent.getQueryString() == null ? "" : "?" + sent.getQueryString())
                + (body == null ? "" : " " + sent.getContentType() + " " + body);
        try {
            var response = mvc.perform(request).andReturn().getResponse();
            findings.check(described, response.getStatus(), response.getContentType(),
                    response.getContentAsString(StandardCharsets.UTF_8));
        } catch (Exception | StackOverflowError e) {
            findings.failed(described, e);
        }
    }
}
