package eu.creditbridge.recognition.web.security;

import eu.creditbridge.recognition.RecognitionServiceTest;
import eu.creditbridge.recognition.exchange.PublicSamples;
import static eu.creditbridge.recognition.Fixtures.credential;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.recognition.Fixtures;
import eu.creditbridge.recognition.ReviewFixtures;
import eu.creditbridge.recognition.application.DecisionStore;
import eu.creditbridge.recognition.application.LearningAgreementStore;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every door of the recognition API as data: who (anonymous, a role that has no business here, another institution's
 * system, the institution's own system, people as before, bearer tokens), what, and the answer; after each refusal the
 * state is what it was. Machine accounts come from a machine-accounts file as the launcher writes it; bearer tokens are
 * signed by a test key whose JWK set a JDK HTTP server on 127.0.0.1 serves.
 */
@RecognitionServiceTest
class RecognitionDoorsTest {

    private static final String LODZ_SECRET = "lodz-sis-" + UUID.randomUUID();
    private static final String ROTTERDAM_SECRET = "eur-sis-" + UUID.randomUUID();
    private static final RSAKey TOKEN_KEY = rsaKey("test-provider-1");
    private static final RSAKey STRANGERS_KEY = rsaKey("test-provider-1");
    private static final HttpServer JWKS = jwkSetServer();
    private static final Path MACHINE_ACCOUNTS = machineAccounts();
    private static final String LEARNER = "urn:schac:personalUniqueCode:int:esi:pl:d-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String AGREEMENT = """
            {"partnerInstitution": "eur.nl", "status": "APPROVED", "mobilityFrom": "2024-09-01", "mobilityUntil": "2025-03-31",
             "components": [{"partnerCourseCode": "FEB22012", "localCourseCode": "INF-2041", "localCourseTitle": "Data Science", "ects": 5}]}
            """;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("creditbridge.security.machine-accounts-file", MACHINE_ACCOUNTS::toString);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/jwks.json");
    }

    @AfterAll
    static void stop() {
        JWKS.stop(0);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    DecisionStore decisions;
    @Autowired
    LearningAgreementStore agreements;

    private static RSAKey rsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer jwkSetServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = new JWKSet(TOKEN_KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (var out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As the launcher writes it into the state folder: Lodz's and Rotterdam's student-information systems. */
    private static Path machineAccounts() {
        try {
            Path file = Files.createTempFile("recognition-machine-accounts", ".json");
            Files.writeString(file, """
                    {"accounts": [
                      {"username": "sis@uni.lodz.pl", "role": "INSTITUTION_SYSTEM", "institution": "uni.lodz.pl", "secret": "%s"},
                      {"username": "sis@eur.nl", "role": "INSTITUTION_SYSTEM", "institution": "eur.nl", "secret": "%s"}]}
                    """.formatted(LODZ_SECRET, ROTTERDAM_SECRET));
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String token(RSAKey key, String subject, String role, String institution) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).claim("roles", List.of(role))
                    .claim("schac_home_organization", institution).issueTime(new Date())
                    .expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Who knocks. */
    enum Who {
        ANONYMOUS(request -> request),
        ROTTERDAM_SYSTEM(httpBasic("sis@eur.nl", ROTTERDAM_SECRET)),
        LODZ_SYSTEM(httpBasic("sis@uni.lodz.pl", LODZ_SECRET)),
        LODZ_SYSTEM_WRONG_SECRET(httpBasic("sis@uni.lodz.pl", "guessed")),
        LODZ_REGISTRAR(httpBasic("registrar@uni.lodz.pl", "demo")),
        ROTTERDAM_REGISTRAR(httpBasic("registrar@eur.nl", "demo")),
        LODZ_INSTITUTION_ADMIN(httpBasic("admin@uni.lodz.pl", "demo")),
        LODZ_ISSUING_OFFICER(httpBasic("officer@uni.lodz.pl", "demo")),
        OPERATOR(httpBasic("operator", "demo")),
        ADMIN(httpBasic("admin", "demo")),
        BEARER_LODZ_SYSTEM(bearer(token(TOKEN_KEY, "sis-client-lodz", "INSTITUTION_SYSTEM", "uni.lodz.pl"))),
        BEARER_ROTTERDAM_REGISTRAR(bearer(token(TOKEN_KEY, "registrar-rotterdam", "registrar", "eur.nl"))),
        BEARER_LODZ_REGISTRAR(bearer(token(TOKEN_KEY, "registrar-lodz", "registrar", "uni.lodz.pl"))),
        BEARER_FORGED(bearer(token(STRANGERS_KEY, "registrar-lodz", "registrar", "uni.lodz.pl")));

        final RequestPostProcessor credentials;

        Who(RequestPostProcessor credentials) {
            this.credentials = credentials;
        }

        private static RequestPostProcessor bearer(String token) {
            return request -> {
                request.addHeader("Authorization", "Bearer " + token);
                return request;
            };
        }
    }

    /** What is asked, always of Lodz (uni.lodz.pl): its learner's record, agreements, queue, a decision, an approval. */
    enum What {
        READ_RECORD, READ_AGREEMENTS, RECORD_AGREEMENT, RECORD_EWP_AGREEMENT, UPLOAD_TRANSCRIPT, READ_QUEUE, READ_DECISION, APPROVE
    }

    static Stream<Arguments> doors() {
        return Stream.of(
                Arguments.of(Who.ANONYMOUS, What.READ_RECORD, 401),
                Arguments.of(Who.ANONYMOUS, What.RECORD_AGREEMENT, 401),
                Arguments.of(Who.ANONYMOUS, What.READ_QUEUE, 401),
                Arguments.of(Who.ANONYMOUS, What.APPROVE, 401),
                Arguments.of(Who.LODZ_SYSTEM_WRONG_SECRET, What.READ_RECORD, 401),
                Arguments.of(Who.LODZ_SYSTEM_WRONG_SECRET, What.RECORD_AGREEMENT, 401),
                Arguments.of(Who.ROTTERDAM_SYSTEM, What.READ_RECORD, 403),
                Arguments.of(Who.ROTTERDAM_SYSTEM, What.READ_AGREEMENTS, 403),
                Arguments.of(Who.ROTTERDAM_SYSTEM, What.RECORD_AGREEMENT, 403),
                Arguments.of(Who.LODZ_SYSTEM, What.READ_RECORD, 404), // allowed: this learner has no record yet
                Arguments.of(Who.LODZ_SYSTEM, What.READ_AGREEMENTS, 200),
                Arguments.of(Who.LODZ_SYSTEM, What.READ_QUEUE, 403),
                Arguments.of(Who.LODZ_SYSTEM, What.READ_DECISION, 403),
                Arguments.of(Who.LODZ_SYSTEM, What.APPROVE, 403),
                Arguments.of(Who.ROTTERDAM_REGISTRAR, What.READ_RECORD, 403),
                Arguments.of(Who.ROTTERDAM_REGISTRAR, What.RECORD_AGREEMENT, 403),
                Arguments.of(Who.ROTTERDAM_REGISTRAR, What.APPROVE, 403),
                Arguments.of(Who.LODZ_REGISTRAR, What.READ_QUEUE, 200),
                Arguments.of(Who.LODZ_REGISTRAR, What.READ_DECISION, 200),
                Arguments.of(Who.LODZ_REGISTRAR, What.READ_AGREEMENTS, 200),
                Arguments.of(Who.LODZ_INSTITUTION_ADMIN, What.READ_RECORD, 403),
                Arguments.of(Who.LODZ_INSTITUTION_ADMIN, What.RECORD_AGREEMENT, 403),
                Arguments.of(Who.LODZ_INSTITUTION_ADMIN, What.READ_QUEUE, 403),
                Arguments.of(Who.LODZ_ISSUING_OFFICER, What.READ_RECORD, 403),
                Arguments.of(Who.LODZ_ISSUING_OFFICER, What.APPROVE, 403),
                Arguments.of(Who.OPERATOR, What.READ_RECORD, 403),
                Arguments.of(Who.OPERATOR, What.APPROVE, 403),
                Arguments.of(Who.ADMIN, What.READ_QUEUE, 200),
                Arguments.of(Who.BEARER_LODZ_SYSTEM, What.READ_AGREEMENTS, 200),
                Arguments.of(Who.BEARER_LODZ_SYSTEM, What.READ_QUEUE, 403),
                Arguments.of(Who.BEARER_ROTTERDAM_REGISTRAR, What.READ_QUEUE, 403),
                Arguments.of(Who.BEARER_ROTTERDAM_REGISTRAR, What.APPROVE, 403),
                Arguments.of(Who.BEARER_LODZ_REGISTRAR, What.READ_QUEUE, 200),
                Arguments.of(Who.BEARER_FORGED, What.READ_QUEUE, 401),
                Arguments.of(Who.BEARER_FORGED, What.APPROVE, 401),
                // The XML imports are doors of their own: the same scopes, checked before a byte of the document is read.
                Arguments.of(Who.ANONYMOUS, What.RECORD_EWP_AGREEMENT, 401),
                Arguments.of(Who.ROTTERDAM_SYSTEM, What.RECORD_EWP_AGREEMENT, 403),
                Arguments.of(Who.ROTTERDAM_REGISTRAR, What.RECORD_EWP_AGREEMENT, 403),
                Arguments.of(Who.LODZ_ISSUING_OFFICER, What.RECORD_EWP_AGREEMENT, 403),
                Arguments.of(Who.ANONYMOUS, What.UPLOAD_TRANSCRIPT, 401),
                Arguments.of(Who.BEARER_FORGED, What.UPLOAD_TRANSCRIPT, 401),
                Arguments.of(Who.LODZ_SYSTEM, What.UPLOAD_TRANSCRIPT, 403), // a registrar's act, not the system's
                Arguments.of(Who.ROTTERDAM_REGISTRAR, What.UPLOAD_TRANSCRIPT, 403),
                Arguments.of(Who.LODZ_ISSUING_OFFICER, What.UPLOAD_TRANSCRIPT, 403),
                Arguments.of(Who.OPERATOR, What.UPLOAD_TRANSCRIPT, 403));
    }

    /** A decision at Lodz awaiting a registrar (signature VALID), fresh per row. */
    private RecognitionDecision awaiting() {
        Credential credential = credential().issuedBy(Fixtures.ROTTERDAM).home(Fixtures.LODZ).learner(EuropeanStudentIdentifier.of(LEARNER)).build();
        RecognitionDecision decision = ReviewFixtures.awaitingRegistrar(credential);
        return decisions.insertOrLoad(decision, credential).decision();
    }

    private MockHttpServletRequestBuilder request(What what, RecognitionDecision decision, String agreementId) {
        String lodz = "/api/institutions/uni.lodz.pl";
        return switch (what) {
            case READ_RECORD -> get(lodz + "/learners/{learnerId}/record", LEARNER);
            case READ_AGREEMENTS -> get(lodz + "/learners/{learnerId}/learning-agreements", LEARNER);
            case RECORD_AGREEMENT -> put(lodz + "/learners/{learnerId}/learning-agreements/{id}", LEARNER, agreementId)
                    .contentType(MediaType.APPLICATION_JSON).content(AGREEMENT);
            case RECORD_EWP_AGREEMENT -> put(lodz + "/learners/{learnerId}/learning-agreements/{id}", LEARNER, agreementId)
                    .contentType(MediaType.APPLICATION_XML).content(PublicSamples.bytes("ewp/omobility-las-get-response-example.xml"));
            case UPLOAD_TRANSCRIPT -> post(lodz + "/learners/{learnerId}/transcripts", LEARNER)
                    .contentType(MediaType.APPLICATION_XML).content(PublicSamples.bytes("elmo-v2.0.0/example.xml"));
            case READ_QUEUE -> get(lodz + "/review-queue");
            case READ_DECISION -> get(lodz + "/decisions/{credentialId}", decision.id().credentialId());
            case APPROVE -> post(lodz + "/decisions/{credentialId}/approval", decision.id().credentialId())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"as suggested\"}");
        };
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("doors")
    void eachDoorOpensOnlyForWhoMayPassAndARefusalChangesNothing(Who who, What what, int expected) throws Exception {
        RecognitionDecision decision = awaiting();
        String agreementId = "ola-" + UUID.randomUUID().toString().substring(0, 8);
        int agreementsBefore = agreements.of(Fixtures.LODZ, EuropeanStudentIdentifier.of(LEARNER)).size();

        var answer = mvc.perform(request(what, decision, agreementId).with(who.credentials)).andExpect(status().is(expected));

        if (expected == 401 || expected == 403) {
            answer.andExpect(jsonPath("$.type").value("urn:creditbridge:problem:" + (expected == 401 ? "unauthorized" : "forbidden")));
            assertThat(decisions.find(decision.id()).orElseThrow().decision()).isEqualTo(decision);
            assertThat(agreements.of(Fixtures.LODZ, EuropeanStudentIdentifier.of(LEARNER))).hasSize(agreementsBefore);
        }
    }

    @Test
    void lodzsOwnSystemRecordsALearningAgreementAndReadsItBack() throws Exception {
        mvc.perform(put("/api/institutions/uni.lodz.pl/learners/{learnerId}/learning-agreements/{id}", LEARNER, "ola-own")
                        .with(Who.LODZ_SYSTEM.credentials).contentType(MediaType.APPLICATION_JSON).content(AGREEMENT))
                .andExpect(status().isCreated());
        mvc.perform(put("/api/institutions/uni.lodz.pl/learners/{learnerId}/learning-agreements/{id}", LEARNER, "ola-bearer")
                        .with(Who.BEARER_LODZ_SYSTEM.credentials).contentType(MediaType.APPLICATION_JSON).content(AGREEMENT))
                .andExpect(status().isCreated());

        assertThat(agreements.find(Fixtures.LODZ, EuropeanStudentIdentifier.of(LEARNER), "ola-own")).isPresent();
        assertThat(agreements.find(Fixtures.LODZ, EuropeanStudentIdentifier.of(LEARNER), "ola-bearer")).isPresent();
    }
}
