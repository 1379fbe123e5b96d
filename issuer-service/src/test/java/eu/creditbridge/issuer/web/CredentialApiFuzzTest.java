package eu.creditbridge.issuer.web;

import static eu.creditbridge.issuer.CredentialFixtures.courseResultFromLodzJson;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import eu.creditbridge.issuer.InProcessMongo;
import eu.creditbridge.messaging.fuzz.FuzzFindings;
import eu.creditbridge.messaging.fuzz.JsonVariants;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Thousands of generated requests (seeded: {@code -Dcreditbridge.fuzz.seed=...} replays a run,
 * {@code -Dcreditbridge.fuzz.requests=...} makes it longer) against issuing, revocation and look-ups: never a 5xx,
 * every 4xx a problem with a title and a detail.
 */
@SpringBootTest(properties = {
        "spring.kafka.listener.auto-startup=false",
        "creditbridge.outbox.enabled=false",
        "spring.mongodb.database=issuer-fuzz-test"})
// Thousands of exchanges: MockMvc's print-on-failure would copy every one of them to the log.
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class CredentialApiFuzzTest {

    private static final InProcessMongo MONGO = new InProcessMongo();
    private static final long SEED = Long.getLong("creditbridge.fuzz.seed", 20_261_123L);
    private static final int REQUESTS = Integer.getInteger("creditbridge.fuzz.requests", 2_000);
    private static final List<String> MEDIA_TYPES = List.of(MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE,
            MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE, "application/json;charset=ISO-8859-1",
            MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_XML_VALUE, "application/x-www-form-urlencoded", "no/such");

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", MONGO::uri);
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @Autowired
    MockMvc http;

    @Test
    void generatedRequestsAreAnsweredWithoutServerErrorsAndEveryRefusalIsAProblem() throws Exception {
        var variants = new JsonVariants(SEED);
        var findings = new FuzzFindings("issuer-service /api/credentials", SEED);
        String issued = issueOne();

        for (int i = 0; i < REQUESTS; i++) {
            int endpoint = i % 10;
            MockHttpServletRequestBuilder request;
            String body = null;
            if (endpoint < 6) {
                body = variants.of(courseResultFromLodzJson());
                request = post("/api/credentials");
            } else if (endpoint < 8) {
                body = variants.of("{\"reason\": \"Grade annulled after an appeal\"}");
                request = post("/api/credentials/{id}/revocation", variants.chance(50) ? issueOne() : variants.text());
            } else if (endpoint < 9) {
                request = get("/api/credentials/{id}", variants.chance(20) ? issued : variants.text());
            } else {
                request = get("/api/credentials").param("learnerId", variants.text())
                        .param("page", variants.text()).param("size", variants.text());
            }
            if (body != null) {
                request.contentType(variants.pick(MEDIA_TYPES)).content(body.getBytes(StandardCharsets.UTF_8));
            }
            perform(findings, request, body);
        }
        findings.report();
    }

    private String issueOne() throws Exception {
        var answer = http.perform(post("/api/credentials").contentType(MediaType.APPLICATION_JSON)
                .content(courseResultFromLodzJson())).andReturn().getResponse();
        return answer.getHeader("Location").substring("/api/credentials/".length());
    }

    private void perform(FuzzFindings findings, RequestBuilder request, String body) {
        var sent = request.buildRequest(new org.springframework.mock.web.MockServletContext());
        String described = sent.getMethod() + " " + sent.getRequestURI() + (sent.getQueryString() == null ? "" : "?" + sent.getQueryString())
                + (body == null ? "" : " " + sent.getContentType() + " " + body);
        try {
            var response = http.perform(request).andReturn().getResponse();
            findings.check(described, response.getStatus(), response.getContentType(),
                    response.getContentAsString(StandardCharsets.UTF_8));
        } catch (Exception | StackOverflowError e) {
            findings.failed(described, e);
        }
    }
}
