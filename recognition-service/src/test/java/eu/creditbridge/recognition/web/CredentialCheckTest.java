package eu.creditbridge.recognition.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.creditbridge.kernel.DecisionId;
import eu.creditbridge.recognition.Fixtures;
import eu.creditbridge.recognition.RecognitionServiceTest;
import eu.creditbridge.recognition.application.DecisionStore;
import eu.creditbridge.recognition.application.RegistryView;
import eu.creditbridge.recognition.domain.Institution;
import eu.creditbridge.recognition.domain.IssuerSigningKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A partner's dry run over the real application context: the published test vectors (schemas/test-vectors), signed by
 * the published test key, which the registry view here lists for Lodz. Whether the Confluent-framed Avro form is read
 * against a real schema registry is the system tests' {@code PartnerFeedbackTest}.
 */
@RecognitionServiceTest
class CredentialCheckTest {

    private static final Path VECTORS = Path.of("..", "schemas", "test-vectors");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CHECKS = "/api/issuers/{schac}/credential-checks";

    @Autowired
    MockMvc mvc;
    @Autowired
    RegistryView registry;
    @Autowired
    DecisionStore decisions;

    @BeforeEach
    void registryListsLodzWithTheTestKeyAndRotterdam() throws IOException {
        Institution lodz = Fixtures.lodz();
        registry.institutionUpdated(new Institution(lodz.schacCode(), lodz.erasmusCode(), lodz.name(), lodz.country(),
                lodz.gradingScheme(), lodz.memberships(), Optional.empty(), List.of(new IssuerSigningKey("test-vectors-2026", "EdDSA",
                        Files.readString(VECTORS.resolve("test-key.public.jwk")), LocalDate.of(2025, 1, 1), Optional.empty()))));
        registry.institutionUpdated(Fixtures.rotterdam());
    }

    @Test
    void validlySignedCredentialWouldBeDecidedByRulesAndNothingIsStored() throws Exception {
        ObjectNode sent = vector("full");

        mvc.perform(check("uni.lodz.pl", sent).with(as("officer@uni.lodz.pl")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.published").value(false))
                .andExpect(jsonPath("$.fate").value("DECIDED_BY_RULES"))
                .andExpect(jsonPath("$.signature.verdict").value("VALID"))
                .andExpect(jsonPath("$.signature.reason").value(containsString("test-vectors-2026")))
                .andExpect(jsonPath("$.errors").isEmpty());
        DecisionId id = new DecisionId(UUID.fromString(sent.get("credentialId").asString()), Fixtures.ROTTERDAM);
        assertThat(decisions.find(id)).isEmpty();
    }

    @Test
    void credentialChangedAfterSigningIsReadButWouldGoToARegistrar() throws Exception {
        ObjectNode sent = vector("full");
        sent.put("title", sent.get("title").asString() + " (edited)");

        mvc.perform(check("uni.lodz.pl", sent).with(as("admin@uni.lodz.pl")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fate").value("SENT_TO_REGISTRAR"))
                .andExpect(jsonPath("$.signature.verdict").value("INVALID_SIGNATURE"));
    }

    @Test
    void everyProblemIsListedInOneProblemDocument() throws Exception {
        ObjectNode sent = vector("full");
        sent.put("ectsCredits", 6);
        sent.put("issuedOn", "27 June 2025");
        sent.remove("title");

        mvc.perform(check("uni.lodz.pl", sent).with(as("officer@uni.lodz.pl")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:creditbridge:problem:credential-refused"))
                .andExpect(jsonPath("$.fate").value("DEAD_LETTERED"))
                .andExpect(jsonPath("$.signature.verdict").value("NOT_VERIFIED"))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("/ectsCredits", "/issuedOn", "/title")));
    }

    @Test
    void valuesTheDomainRefusesAreNamedEachWithItsField() throws Exception {
        ObjectNode sent = vector("minimal");
        sent.withObject("/learner").put("europeanStudentIdentifier", "student-42");
        sent.withObject("/learner").put("homeInstitution", "not a schac code");

        mvc.perform(check("uni.lodz.pl", sent).with(as("officer@uni.lodz.pl")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field")
                        .value(containsInAnyOrder("/learner/europeanStudentIdentifier", "/learner/homeInstitution")));
    }

    @Test
    void learnerOfAnInstitutionTheRegistryDoesNotListWouldBeDeadLettered() throws Exception {
        ObjectNode sent = vector("full");
        sent.withObject("/learner").put("homeInstitution", "unknown.example.org");

        mvc.perform(check("uni.lodz.pl", sent).with(as("officer@uni.lodz.pl")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("/learner/homeInstitution"))
                .andExpect(jsonPath("$.signature.verdict").value("INVALID_SIGNATURE"));
    }

    @Test
    void anInstitutionChecksOnlyCredentialsInItsOwnName() throws Exception {
        mvc.perform(check("eur.nl", vector("full")).with(as("officer@eur.nl")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("/issuingInstitution"))
                .andExpect(jsonPath("$.signature.verdict").value("NOT_VERIFIED"));
    }

    @Test
    void onlyTheIssuersOwnPeopleAndSystemPassTheDoor() throws Exception {
        mvc.perform(check("uni.lodz.pl", vector("full"))).andExpect(status().isUnauthorized());
        for (String stranger : List.of("officer@eur.nl", "registrar@uni.lodz.pl", "operator", "alliance-admin@unic")) {
            mvc.perform(check("uni.lodz.pl", vector("full")).with(as(stranger)))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Test
    void bytesThatAreNotConfluentFramedAvroAreRefusedWithTheReason() throws Exception {
        mvc.perform(post(CHECKS, "uni.lodz.pl").contentType("application/avro").content("{\"not\":\"avro\"}")
                        .with(as("officer@uni.lodz.pl")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value(""))
                .andExpect(jsonPath("$.detail").value(containsString("magic byte")));
    }

    @Test
    void eventOverTheContractsSizeIsRefusedUnread() throws Exception {
        mvc.perform(post(CHECKS, "uni.lodz.pl").contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .content(new byte[CredentialCheckController.MAX_BODY_BYTES + 1]).with(as("officer@uni.lodz.pl")))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.type").value("urn:creditbridge:problem:too-large"));
    }

    @Test
    void theDryRunIsInTheApiDescriptionWithBothForms() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/issuers/{schac}/credential-checks'].post.requestBody.content['application/json']").exists())
                .andExpect(jsonPath("$.paths['/api/issuers/{schac}/credential-checks'].post.requestBody.content['application/avro']").exists());
    }

    /** A test vector's credential with its signature: what a partner would send as JSON. */
    private static ObjectNode vector(String name) throws IOException {
        JsonNode vector = JSON.readTree(VECTORS.resolve(name + ".json").toFile());
        ObjectNode sent = (ObjectNode) vector.get("credential").deepCopy();
        sent.put("signature", vector.get("signature").asString());
        return sent;
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder check(String schac, JsonNode body) {
        return post(CHECKS, schac).contentType(MediaType.APPLICATION_JSON).content(body.toString());
    }

    private static RequestPostProcessor as(String person) {
        return httpBasic(person, "demo");
    }
}
