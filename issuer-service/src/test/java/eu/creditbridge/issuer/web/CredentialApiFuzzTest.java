package eu.creditbridge.issuer.web;

import static eu.creditbridge.issuer.CredentialFixtures.courseResultFromLodzJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.mongodb.client.MongoDatabase;
import eu.creditbridge.issuer.IssuerSpringTest;
import eu.creditbridge.issuer.TestAccounts;
import eu.creditbridge.messaging.fuzz.FuzzFindings;
import eu.creditbridge.messaging.fuzz.JsonVariants;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Thousands of generated requests (seeded: {@code -Dcreditbridge.fuzz.seed=...} replays a run,
 * {@code -Dcreditbridge.fuzz.requests=...} makes it longer) against issuing, revocation and look-ups: never a 5xx,
 * every 4xx a problem with a title and a detail. Run twice: anonymous (every request refused before a controller, and
 * nothing stored or changed) and signed in as Lodz's issuing officer (the requests reach the controllers: credentials
 * are issued, read and revoked, bad bodies are named field by field).
 */
@IssuerSpringTest
// Thousands of exchanges: MockMvc's print-on-failure would copy every one of them to the log.
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class CredentialApiFuzzTest {

    private static final long SEED = Long.getLong("creditbridge.fuzz.seed", 20_261_123L);
    private static final int REQUESTS = Integer.getInteger("creditbridge.fuzz.requests", 2_000);
    private static final List<String> MEDIA_TYPES = List.of(MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE,
            MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE, "application/json;charset=ISO-8859-1",
            MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_XML_VALUE, "application/x-www-form-urlencoded", "no/such");

    @Autowired
    MockMvc http;

    @Autowired
    MongoDatabase issuerDatabase;

    @Test
    void anonymousGeneratedRequestsAreAllRefusedAsProblemsAndChangeNothing() throws Exception {
        String issued = issueOne();
        var before = everyStoredDocument();

        var statuses = fuzz("issuer-service /api/credentials, anonymous", null, () -> issued, issued);

        assertThat(statuses.keySet()).as("anonymous: 401, or the firewall's 400 for a URL it rejects")
                .isSubsetOf(HttpStatus.UNAUTHORIZED.value(), HttpStatus.BAD_REQUEST.value());
        assertThat(statuses).containsKey(HttpStatus.UNAUTHORIZED.value());
        assertThat(everyStoredDocument()).isEqualTo(before);
    }

    @Test
    void signedInGeneratedRequestsReachTheControllersWithoutServerErrorsAndEveryRefusalIsAProblem() throws Exception {
        String issued = issueOne();

        var statuses = fuzz("issuer-service /api/credentials, as " + TestAccounts.LODZ_OFFICER,
                TestAccounts.as(TestAccounts.LODZ_OFFICER), this::issueOne, issued);

        // Proof that the fuzzing got past the door: each of these answers comes from a controller.
        assertThat(statuses).as("answers by status").containsKeys(
                HttpStatus.CREATED.value(),       // a variant still valid: issued
                HttpStatus.OK.value(),            // a read, or a revocation
                HttpStatus.BAD_REQUEST.value(),   // bad fields named
                HttpStatus.NOT_FOUND.value())     // an unknown credential id
                .doesNotContainKey(HttpStatus.UNAUTHORIZED.value());
    }

    /** Sends the generated requests as {@code caller} (null: anonymous); the answers counted by status. */
    private Map<Integer, Integer> fuzz(String api, RequestPostProcessor caller, Callable<String> revocable, String issued)
            throws Exception {
        var variants = new JsonVariants(SEED);
        var findings = new FuzzFindings(api, SEED);
        var statuses = new TreeMap<Integer, Integer>();
        for (int i = 0; i < REQUESTS; i++) {
            int endpoint = i % 10;
            MockHttpServletRequestBuilder request;
            String body = null;
            if (endpoint < 6) {
                body = variants.of(courseResultFromLodzJson());
                request = post("/api/credentials");
            } else if (endpoint < 8) {
                body = variants.of("{\"reason\": \"Grade annulled after an appeal\"}");
                request = post("/api/credentials/{id}/revocation", variants.chance(50) ? revocable.call() : variants.text());
            } else if (endpoint < 9) {
                request = get("/api/credentials/{id}", variants.chance(20) ? issued : variants.text());
            } else {
                request = get("/api/credentials").param("learnerId", variants.text())
                        .param("page", variants.text()).param("size", variants.text());
            }
            if (body != null) {
                request.contentType(variants.pick(MEDIA_TYPES)).content(body.getBytes(StandardCharsets.UTF_8));
            }
            if (caller != null) {
                request.with(caller);
            }
            int status = perform(findings, request, body);
            statuses.merge(status, 1, Integer::sum);
        }
        findings.report();
        return statuses;
    }

    private String issueOne() throws Exception {
        var answer = http.perform(post("/api/credentials").with(TestAccounts.as(TestAccounts.LODZ_OFFICER))
                .contentType(MediaType.APPLICATION_JSON).content(courseResultFromLodzJson())).andReturn().getResponse();
        assertThat(answer.getStatus()).isEqualTo(HttpStatus.CREATED.value());
        return answer.getHeader("Location").substring("/api/credentials/".length());
    }

    private Map<String, List<Document>> everyStoredDocument() {
        var documents = new TreeMap<String, List<Document>>();
        for (String collection : issuerDatabase.listCollectionNames()) {
            documents.put(collection, issuerDatabase.getCollection(collection).find().into(new ArrayList<>()));
        }
        return documents;
    }

    private int perform(FuzzFindings findings, RequestBuilder request, String body) {
        var sent = request.buildRequest(new org.springframework.mock.web.MockServletContext());
        String described = sent.getMethod() + " " + sent.getRequestURI() + (sent.getQueryString() == null ? "" : "?" + sent.getQueryString())
                + (body == null ? "" : " " + sent.getContentType() + " " + body);
        try {
            var response = http.perform(request).andReturn().getResponse();
            findings.check(described, response.getStatus(), response.getContentType(),
                    response.getContentAsString(StandardCharsets.UTF_8));
            return response.getStatus();
        } catch (Exception | StackOverflowError e) {
            findings.failed(described, e);
            return 500;
        }
    }
}
