package eu.creditbridge.recognition.web.security;

import eu.creditbridge.recognition.RecognitionServiceTest;
import static eu.creditbridge.recognition.Fixtures.credential;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.recognition.Fixtures;
import eu.creditbridge.recognition.TrustFixtures;
import eu.creditbridge.recognition.application.DecisionStore;
import eu.creditbridge.recognition.application.LearnerRecordStore;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.Institution;
import eu.creditbridge.recognition.domain.RecognitionCase;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.domain.Ruleset;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Who may reach which institution, through the REST API and through the console, with the demo accounts of
 * application.yml. A real server runs too, so the console's refusal page is seen as a browser sees it.
 */
@RecognitionServiceTest
class InstitutionScopingTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    DecisionStore decisions;
    @Autowired
    LearnerRecordStore records;
    @Autowired
    UserDetailsService accounts;
    @LocalServerPort
    int port;

    private static RequestPostProcessor basic(String username) {
        return httpBasic(username, "demo");
    }

    private RequestPostProcessor signedIn(String username) {
        return user(accounts.loadUserByUsername(username));
    }

    /** A recognised credential in the record of a learner at the receiving institution. */
    private RecognitionDecision recognised(Institution receiving, Institution issuing, String learner) {
        Credential credential = credential().issuedBy(issuing.schacCode()).home(receiving.schacCode())
                .learner(EuropeanStudentIdentifier.of(learner)).courseCode(null).title("Sustainable Cities").credits("5").build();
        var decision = Fixtures.policy().decide(new RecognitionCase(credential, receiving, Optional.of(issuing),
                Optional.of(new Ruleset(receiving.schacCode(), 1, List.of(), Optional.of("alliance-electives"))), TrustFixtures.VALID));
        RecognitionDecision stored = decisions.insertOrLoad(RecognitionDecision.byRules(credential, decision,
                Instant.parse("2025-02-20T10:00:00Z"))).decision();
        records.recognise(stored);
        return stored;
    }

    /** A learner with 5 ECTS at Rotterdam and one with 5 ECTS at Lodz; fresh ids, as the tests share one database. */
    private record Learners(String rotterdam, String lodz) {
    }

    private Learners rotterdamAndLodzLearnersHaveRecords() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Learners learners = new Learners("urn:schac:personalUniqueCode:int:esi:nl:r-" + suffix,
                "urn:schac:personalUniqueCode:int:esi:pl:l-" + suffix);
        recognised(Fixtures.rotterdam(), Fixtures.lodz(), learners.rotterdam());
        recognised(Fixtures.lodz(), Fixtures.rotterdam(), learners.lodz());
        return learners;
    }

    @Test
    void registrarOfRotterdamReadsRotterdamsRecordsButIsRefusedLodzWithAProblem() throws Exception {
        Learners learners = rotterdamAndLodzLearnersHaveRecords();

        mvc.perform(get("/api/institutions/eur.nl/learners/{id}/record", learners.rotterdam()).with(basic("registrar@eur.nl")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totals.ects").value(5.0));
        mvc.perform(get("/api/institutions/uni.lodz.pl/learners/{id}/record", learners.lodz()).with(basic("registrar@eur.nl")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.title").value("Forbidden"))
                .andExpect(jsonPath("$.type").value("urn:creditbridge:problem:forbidden"));
    }

    @Test
    void registrarIsRefusedAnotherInstitutionEvenWhenItIsSpelledInCapitals() throws Exception {
        Learners learners = rotterdamAndLodzLearnersHaveRecords();
        mvc.perform(get("/api/institutions/UNI.LODZ.PL/learners/{id}/record", learners.lodz()).with(basic("registrar@eur.nl")))
                .andExpect(status().isForbidden());
    }

    @Test
    void administratorReadsEveryInstitution() throws Exception {
        Learners learners = rotterdamAndLodzLearnersHaveRecords();

        mvc.perform(get("/api/institutions/eur.nl/learners/{id}/record", learners.rotterdam()).with(basic("admin")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/institutions/uni.lodz.pl/learners/{id}/record", learners.lodz()).with(basic("admin")))
                .andExpect(status().isOk());
    }

    @Test
    void operatorSeesNoLearnerDataThroughTheApiOrTheConsole() throws Exception {
        Learners learners = rotterdamAndLodzLearnersHaveRecords();

        mvc.perform(get("/api/institutions/eur.nl/learners/{id}/record", learners.rotterdam()).with(basic("operator")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/console/institutions/eur.nl/learners/{id}", learners.rotterdam()).with(signedIn("operator")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/console").with(signedIn("operator")))
                .andExpect(status().isForbidden());
    }

    @Test
    void decisionOfAnotherInstitutionAskedForUnderOnesOwnPathIsNotFound() throws Exception {
        RecognitionDecision lodzDecision = recognised(Fixtures.lodz(), Fixtures.rotterdam(), "urn:schac:personalUniqueCode:int:esi:pl:d-" + UUID.randomUUID());
        UUID lodzCredential = lodzDecision.id().credentialId();

        mvc.perform(get("/api/institutions/eur.nl/decisions/{id}", lodzCredential).with(basic("registrar@eur.nl")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/institutions/uni.lodz.pl/decisions/{id}", lodzCredential).with(basic("registrar@uni.lodz.pl")))
                .andExpect(status().isOk());
    }

    @Test
    void apiWithoutCredentialsOrWithAWrongPasswordIsA401ProblemWithABasicChallenge() throws Exception {
        Learners learners = rotterdamAndLodzLearnersHaveRecords();
        mvc.perform(get("/api/institutions/eur.nl/learners/{id}/record", learners.rotterdam()))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Basic")))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/api/institutions/eur.nl/learners/{id}/record", learners.rotterdam())
                        .with(httpBasic("registrar@eur.nl", "not-the-password")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void registrarSeesTheirOwnLearnerInTheConsoleButIsRefusedAnotherInstitutions() throws Exception {
        Learners learners = rotterdamAndLodzLearnersHaveRecords();

        mvc.perform(get("/console/institutions/eur.nl/learners/{id}", learners.rotterdam()).with(signedIn("registrar@eur.nl")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"learner-total-ects\">5</span>")))
                .andExpect(content().string(containsString("id=\"current-user\">registrar@eur.nl</strong>")));
        mvc.perform(get("/console/institutions/uni.lodz.pl/learners/{id}", learners.lodz()).with(signedIn("registrar@eur.nl")))
                .andExpect(status().isForbidden());
    }

    @Test
    void consoleRefusalIsAFriendlyPageSayingWhyAndWhereToGo() throws Exception {
        Learners learners = rotterdamAndLodzLearnersHaveRecords();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String base = "http://127.0.0.1:" + port;
        String loginPage = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        String token = loginPage.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=registrar%40eur.nl&password=demo&_csrf=" + token)).build(),
                HttpResponse.BodyHandlers.discarding());

        HttpResponse<String> refused = browser.send(HttpRequest.newBuilder(URI.create(base + "/console/institutions/uni.lodz.pl/learners/"
                + learners.lodz())).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("You cannot open this page", "id=\"flash\"", "Go to your review queue",
                "id=\"current-user\">registrar@eur.nl<");
    }

    @Test
    void formLoginTakesARegistrarToTheirQueueAndAWrongPasswordBackToTheFormWithAMessage() throws Exception {
        mvc.perform(get("/console/institutions/eur.nl/queue"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(post("/login").param("username", "registrar@eur.nl").param("password", "demo").with(csrf()))
                .andExpect(redirectedUrl("/console"));
        mvc.perform(get("/console").with(signedIn("registrar@eur.nl")))
                .andExpect(redirectedUrl("/console/institutions/eur.nl/queue"));
        mvc.perform(post("/login").param("username", "registrar@eur.nl").param("password", "wrong").with(csrf()))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/login").param("error", ""))
                .andExpect(content().string(containsString("Wrong username or password")));
    }

    @Test
    void consoleFormsWithoutACsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/login").param("username", "registrar@eur.nl").param("password", "demo"))
                .andExpect(status().isForbidden());
    }

    @Test
    void administratorPicksAnInstitutionOnTheConsoleHomePage() throws Exception {
        mvc.perform(get("/console").with(signedIn("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose an institution")));
        mvc.perform(get("/console").param("institution", "UCC.ie").with(signedIn("admin")))
                .andExpect(redirectedUrl("/console/institutions/ucc.ie/queue"));
    }

    @Test
    void monitoringAndTheApiDescriptionStayOpen() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.securitySchemes.basicAuth.scheme").value("basic"))
                .andExpect(jsonPath("$.paths['/api/institutions/{schac}/learners/{learnerId}/record']").exists())
                .andExpect(jsonPath("$.paths['/api/institutions/{schac}/review-queue'].get").exists())
                .andExpect(jsonPath("$.paths['/api/institutions/{schac}/decisions/{credentialId}/approval'].post").exists())
                .andExpect(jsonPath("$.paths['/api/institutions/{schac}/decisions/{credentialId}/rejection'].post").exists())
                .andExpect(jsonPath("$.paths['/api/institutions/{schac}/decisions/{credentialId}/question'].post").exists())
                .andExpect(jsonPath("$.paths['/api/institutions/{schac}/decisions/approvals'].post").exists())
                .andExpect(jsonPath("$.paths['/api/institutions/{schac}/decisions/{credentialId}/audit'].get").exists())
                .andExpect(jsonPath("$.paths['/api/institutions/{schac}/search'].get").exists())
                .andExpect(jsonPath("$.paths['/console/institutions/{schac}/queue']").doesNotExist());
        mvc.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/css/console.css")).andExpect(status().isOk());
    }
}
