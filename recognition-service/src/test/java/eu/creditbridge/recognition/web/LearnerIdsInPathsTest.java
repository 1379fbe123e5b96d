package eu.creditbridge.recognition.web;

import static eu.creditbridge.recognition.Fixtures.credential;
import static org.assertj.core.api.Assertions.assertThat;

import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.recognition.Fixtures;
import eu.creditbridge.recognition.RecognitionServiceTest;
import eu.creditbridge.recognition.TrustFixtures;
import eu.creditbridge.recognition.application.DecisionStore;
import eu.creditbridge.recognition.application.LearnerRecordStore;
import eu.creditbridge.recognition.domain.RecognitionCase;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.UriUtils;

/**
 * Every learner id the kernel accepts can be addressed in a REST path: a client encodes it as one path segment (as
 * {@code UriUtils.encodePathSegment} or any URI template does), and the real server (Tomcat, the security firewall,
 * Spring MVC) hands the same id to the controller. One student code per character the kernel allows besides letters
 * and digits; the characters it refuses ({@code / ; %}, which the server or its firewall refuse in a path) are
 * EuropeanStudentIdentifierTest's.
 */
@RecognitionServiceTest
class LearnerIdsInPathsTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    DecisionStore decisions;
    @Autowired
    LearnerRecordStore records;
    @LocalServerPort
    int port;

    @ParameterizedTest(name = "student code {0}")
    @ValueSource(strings = {"path-a(1)", "path-b+1", "path-c,1", "path-d.1", "path-e:1", "path-f=1", "path-g@1", "path-h$1",
            "path-i_1", "path-j!1", "path-k*1", "path-l'1", "PATH-M-1", "path-n?1", "path-o#1"})
    void aLearnersRecordIsReadThroughTheIdEncodedAsOnePathSegment(String code) throws Exception {
        var learner = EuropeanStudentIdentifier.of("urn:schac:personalUniqueCode:int:esi:pl:" + code);
        var credential = credential().learner(learner).courseCode(null).title("Sustainable Cities").credits("2.5").build();
        var decision = Fixtures.policy().decide(new RecognitionCase(credential, Fixtures.lodz(), Optional.of(Fixtures.rotterdam()),
                Optional.of(Fixtures.lodzRuleset()), TrustFixtures.VALID));
        records.recognise(decisions.insertOrLoad(RecognitionDecision.byRules(credential, decision,
                Instant.parse("2025-02-20T10:00:00Z"))).decision());

        var path = "/api/institutions/uni.lodz.pl/learners/" + UriUtils.encodePathSegment(learner.value(), StandardCharsets.UTF_8) + "/record";
        var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("registrar@uni.lodz.pl:demo".getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"learnerId\":\"" + learner.value() + "\"");
    }
}
