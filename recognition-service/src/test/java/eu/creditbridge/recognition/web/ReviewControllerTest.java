package eu.creditbridge.recognition.web;

import eu.creditbridge.recognition.RecognitionServiceTest;
import static eu.creditbridge.recognition.Fixtures.credential;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.recognition.Fixtures;
import eu.creditbridge.recognition.ReviewFixtures;
import eu.creditbridge.recognition.application.DecisionPublisher;
import eu.creditbridge.recognition.application.DecisionStore;
import eu.creditbridge.recognition.application.RegistryView;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.MicroCredentialElements;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Registrar review over REST on the real application context (Kafka off, MongoDB in process, a recording decision
 * publisher). Each test uses its own learner, since the tests share one database.
 */
@RecognitionServiceTest
@Import(ReviewControllerTest.RecordingPublisher.class)
// Acts as an administrator; who may reach which institution is InstitutionScopingTest's subject.
@WithMockUser(username = "admin", roles = "ADMIN")
class ReviewControllerTest {

    private static final String LODZ = "/api/institutions/uni.lodz.pl";

    /** Stands in for Kafka: what was published, in order. */
    @TestConfiguration
    static class RecordingPublisher {

        static final List<RecognitionDecision> PUBLISHED = new CopyOnWriteArrayList<>();

        /** Primary: the Kafka publisher is still declared (its condition is evaluated before test configuration). */
        @Bean
        @Primary
        DecisionPublisher recordingDecisionPublisher() {
            return PUBLISHED::add;
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    DecisionStore decisions;
    @Autowired
    RegistryView registry;

    private EuropeanStudentIdentifier learner;

    @BeforeEach
    void aFreshLearnerAndTheRegistry() {
        learner = EuropeanStudentIdentifier.of("urn:schac:personalUniqueCode:int:esi:pl:" + UUID.randomUUID().toString().substring(0, 8));
        registry.institutionUpdated(Fixtures.lodz());
        registry.institutionUpdated(Fixtures.rotterdam());
        registry.rulesetPublished(Fixtures.lodzRuleset());
    }

    private RecognitionDecision awaiting(Credential credential) {
        RecognitionDecision decision = ReviewFixtures.awaitingRegistrar(credential);
        decisions.insertOrLoad(decision, credential);
        return decision;
    }

    private RecognitionDecision awaiting() {
        return awaiting(credential().learner(learner).build());
    }

    private static MockHttpServletRequestBuilder postJson(String path, String json) {
        return post(path).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    @Test
    void theQueueListsDecisionsAwaitingARegistrarWithCountsSuggestionsAndFilters() throws Exception {
        RecognitionDecision decision = awaiting();

        mvc.perform(get(LODZ + "/review-queue").param("sort", "oldest").param("partner", "eur.nl").param("alliance", "unic")
                        .param("size", "100"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.counts.total").isNumber())
                .andExpect(jsonPath("$.counts.byOutcome.NEEDS_REVIEW").isNumber())
                .andExpect(jsonPath("$.counts.byPartner['eur.nl']").isNumber())
                .andExpect(jsonPath("$.sort").value("oldest"))
                .andExpect(jsonPath("$.items[*].credentialId", hasItem(decision.id().credentialId().toString())))
                .andExpect(jsonPath("$.items[?(@.credentialId == '" + decision.id().credentialId() + "')].suggestion.target.code")
                        .value("INF-2041"))
                .andExpect(jsonPath("$.items[?(@.credentialId == '" + decision.id().credentialId() + "')].status")
                        .value("AWAITING_REGISTRAR"));
    }

    @Test
    void badQueueParametersAreOneProblemNamingEachField() throws Exception {
        mvc.perform(get(LODZ + "/review-queue").param("sort", "sideways").param("outcome", "MAYBE").param("page", "-1")
                        .param("size", "1000").param("partner", "not a schac"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("sort")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("outcome")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("page")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("size")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("partner")));
    }

    @Test
    void theDecisionShowsEveryCredentialElementSignatureTraceSuggestionAndAnEmptyTrail() throws Exception {
        Credential credential = credential().learner(learner).build().withElements(new MicroCredentialElements(Optional.of("WRITTEN_EXAM"),
                Optional.of("SUPERVISED_ON_SITE_WITH_IDENTITY_CHECK"), Optional.of("EXTERNAL_EQAR_AGENCY"), Optional.of("ON_SITE"),
                Optional.of("0613")));
        RecognitionDecision decision = awaiting(credential);

        mvc.perform(get(LODZ + "/decisions/" + decision.id().credentialId()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("NEEDS_REVIEW"))
                .andExpect(jsonPath("$.revision").value(1))
                .andExpect(jsonPath("$.rulesetVersion").value(3))
                .andExpect(jsonPath("$.status").value("AWAITING_REGISTRAR"))
                .andExpect(jsonPath("$.credential.issuingInstitution").value("eur.nl"))
                .andExpect(jsonPath("$.credential.ects").value(5.0))
                .andExpect(jsonPath("$.credential.eqfLevel").value(6))
                .andExpect(jsonPath("$.credential.grade.value").value("8"))
                .andExpect(jsonPath("$.credential.assessmentType").value("WRITTEN_EXAM"))
                .andExpect(jsonPath("$.credential.identityVerification").value("SUPERVISED_ON_SITE_WITH_IDENTITY_CHECK"))
                .andExpect(jsonPath("$.credential.qualityAssurance").value("EXTERNAL_EQAR_AGENCY"))
                .andExpect(jsonPath("$.signature.status").value("VALID"))
                .andExpect(jsonPath("$.reasons[?(@.decisive == true)].step").value("registrar-review"))
                .andExpect(jsonPath("$.suggestion.target.code").value("INF-2041"))
                .andExpect(jsonPath("$.convertedGrade.value").value("4.5"))
                .andExpect(jsonPath("$.partner.name").value("Erasmus University Rotterdam"))
                .andExpect(jsonPath("$.audit.length()").value(0))
                .andExpect(jsonPath("$.allowedActions", hasItem("APPROVED")));
    }

    @Test
    void approvingWithChangesRecordsThemCountsTheCreditsAndPublishesTheRevision() throws Exception {
        RecognitionDecision decision = awaiting();
        String credentialId = decision.id().credentialId().toString();

        mvc.perform(postJson(LODZ + "/decisions/" + credentialId + "/approval", """
                        {"creditCategory": "alliance-electives", "credits": 4, "convertedGrade": "4.0",
                         "reason": "One ECTS overlaps with INF-1010.", "expectedRevision": 1}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision.outcome").value("PARTIALLY_RECOGNISED"))
                .andExpect(jsonPath("$.decision.revision").value(2))
                .andExpect(jsonPath("$.decision.decidedBy").value("REGISTRAR"))
                .andExpect(jsonPath("$.decision.registrar").value("admin"))
                .andExpect(jsonPath("$.decision.convertedGrade.value").value("4.0"))
                .andExpect(jsonPath("$.auditEntry.registrar").value("admin"))
                .andExpect(jsonPath("$.auditEntry.why").value("One ECTS overlaps with INF-1010."))
                .andExpect(jsonPath("$.auditEntry.changes[?(@.field == 'recognisedCredits')].after").value("4.00"));

        mvc.perform(get(LODZ + "/learners/{learnerId}/record", learner.value()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totals.perCategory.alliance-electives").value(4.0));
        mvc.perform(get(LODZ + "/decisions/" + credentialId + "/audit"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].action").value("APPROVED"))
                .andExpect(jsonPath("$[0].revision").value(2));
        org.assertj.core.api.Assertions.assertThat(RecordingPublisher.PUBLISHED)
                .anySatisfy(published -> {
                    org.assertj.core.api.Assertions.assertThat(published.id()).isEqualTo(decision.id());
                    org.assertj.core.api.Assertions.assertThat(published.revision()).isEqualTo(2);
                });
    }

    @Test
    void creditsBeyondTheCredentialOrZeroAreA400NamingCredits() throws Exception {
        String path = LODZ + "/decisions/" + awaiting().id().credentialId() + "/approval";

        mvc.perform(postJson(path, "{\"credits\": 6}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("credits"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("at most the 5.00 ECTS")));
        mvc.perform(postJson(path, "{\"credits\": 0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("credits"));
        mvc.perform(postJson(path, "{\"targetCourse\": \"INF-2041\", \"creditCategory\": \"alliance-electives\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("creditCategory"));
    }

    @Test
    void aRejectionNeedsAReasonAndASettledDecisionRefusesAnotherAction() throws Exception {
        String path = LODZ + "/decisions/" + awaiting().id().credentialId();

        mvc.perform(postJson(path + "/rejection", "{\"reason\": \"  \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(postJson(path + "/rejection", "{\"reason\": \"Outcomes do not match our programme.\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision.outcome").value("REJECTED"));
        mvc.perform(postJson(path + "/approval", "{}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("urn:creditbridge:problem:not-reviewable"))
                .andExpect(jsonPath("$.refusal").value("NOT_AWAITING_REGISTRAR"));
    }

    @Test
    void aQuestionKeepsItAskedAndAnActionOnTheRevisionBeforeIsAConflict() throws Exception {
        String path = LODZ + "/decisions/" + awaiting().id().credentialId();

        mvc.perform(postJson(path + "/question", "{\"question\": \"Was the exam supervised?\", \"expectedRevision\": 1}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision.status").value("ASKED"))
                .andExpect(jsonPath("$.decision.openQuestion.question").value("Was the exam supervised?"));
        mvc.perform(postJson(path + "/approval", "{\"expectedRevision\": 1}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:creditbridge:problem:revision-conflict"))
                .andExpect(jsonPath("$.expectedRevision").value(1))
                .andExpect(jsonPath("$.currentRevision").value(2));
        mvc.perform(get(LODZ + "/review-queue").param("outcome", "asked").param("size", "100"))
                .andExpect(jsonPath("$.items[*].openQuestion.question", hasItem("Was the exam supervised?")));
    }

    @Test
    void bulkApprovalAnswersPerCredential() throws Exception {
        RecognitionDecision first = awaiting();
        RecognitionDecision second = awaiting();
        UUID unknown = UUID.randomUUID();

        mvc.perform(postJson(LODZ + "/decisions/approvals", "{\"credentialIds\": [\"" + first.id().credentialId() + "\", \""
                        + second.id().credentialId() + "\", \"" + unknown + "\"], \"reason\": \"UNIC catalogue\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.counts.APPROVED").value(2))
                .andExpect(jsonPath("$.counts.NOT_FOUND").value(1))
                .andExpect(jsonPath("$.items[0].status").value("APPROVED"))
                .andExpect(jsonPath("$.items[0].revision").value(2))
                .andExpect(jsonPath("$.items[2].status").value("NOT_FOUND"));
        mvc.perform(get(LODZ + "/learners/{learnerId}/record", learner.value()))
                .andExpect(jsonPath("$.totals.ects").value(10.0));
        mvc.perform(postJson(LODZ + "/decisions/approvals", "{\"credentialIds\": []}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("credentialIds"));
    }

    @Test
    void aLearnersDecisionsAndSearchStayWithinTheInstitution() throws Exception {
        RecognitionDecision decision = awaiting();

        mvc.perform(get(LODZ + "/learners/{learnerId}/decisions", learner.value()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].credentialId").value(decision.id().credentialId().toString()));
        mvc.perform(get("/api/institutions/eur.nl/learners/{learnerId}/decisions", learner.value()))
                .andExpect(status().isNotFound());
        mvc.perform(get(LODZ + "/search").param("q", learner.value()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("LEARNER_ID"))
                .andExpect(jsonPath("$.learners[0]").value(learner.value()));
        mvc.perform(get(LODZ + "/search").param("q", decision.id().credentialId().toString()))
                .andExpect(jsonPath("$.kind").value("CREDENTIAL_ID"))
                .andExpect(jsonPath("$.decisions.length()").value(1));
        mvc.perform(get(LODZ + "/search").param("q", "Data Sci"))
                .andExpect(jsonPath("$.kind").value("COURSE"))
                .andExpect(jsonPath("$.decisions[*].credentialId", hasItem(decision.id().credentialId().toString())));
        mvc.perform(get(LODZ + "/search").param("q", " "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("q"));
        mvc.perform(get("/api/institutions/eur.nl/decisions/" + decision.id().credentialId()))
                .andExpect(status().isNotFound());
        mvc.perform(postJson("/api/institutions/eur.nl/decisions/" + decision.id().credentialId() + "/rejection", "{\"reason\": \"x\"}"))
                .andExpect(status().isNotFound());
    }

    /** As the policies leave a credential signed with a key its issuer reported compromised: to a registrar, verdict in the trace. */
    private RecognitionDecision awaitingOnACompromisedKey() {
        Credential credential = credential().learner(learner).build();
        var normal = ReviewFixtures.needsReview(credential);
        var decision = new eu.creditbridge.recognition.domain.Decision(normal.outcome(), normal.recognisedCredits(), normal.target(),
                normal.grade(), List.of(eu.creditbridge.recognition.domain.DecisionReason.decisive("signature",
                "Signature KEY_COMPROMISED: Key eur-2025 of eur.nl was reported compromised from 2025-02-01.")), normal.rulesetVersion());
        RecognitionDecision stored = RecognitionDecision.byRules(credential, decision, ReviewFixtures.DECIDED_AT);
        decisions.insertOrLoad(stored, credential);
        return stored;
    }

    @Test
    void aDecisionWhoseSignatureIsNotValidIsFlaggedLeftOutOfBulkApprovalAndApprovedOnlyWithTheOverride() throws Exception {
        RecognitionDecision flagged = awaitingOnACompromisedKey();
        String id = flagged.id().credentialId().toString();

        mvc.perform(get(LODZ + "/review-queue").param("size", "100"))
                .andExpect(jsonPath("$.items[?(@.credentialId == '" + id + "')].signatureFlagged").value(true))
                .andExpect(jsonPath("$.items[?(@.credentialId == '" + id + "')].signatureStatus").value("KEY_COMPROMISED"));
        mvc.perform(postJson(LODZ + "/decisions/approvals", "{\"credentialIds\": [\"" + id + "\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].status").value("SIGNATURE_NOT_VALID"))
                .andExpect(jsonPath("$.counts.SIGNATURE_NOT_VALID").value(1));
        mvc.perform(postJson(LODZ + "/decisions/" + id + "/approval", "{\"reason\": \"looks fine\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:creditbridge:problem:not-reviewable"))
                .andExpect(jsonPath("$.refusal").value("SIGNATURE_NOT_VALID"));
        mvc.perform(postJson(LODZ + "/decisions/" + id + "/approval", "{\"signatureOverride\": true}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));

        mvc.perform(postJson(LODZ + "/decisions/" + id + "/approval",
                        "{\"signatureOverride\": true, \"reason\": \"Confirmed with Rotterdam: issued before the theft\"}"))
                .andExpect(status().isOk());
        mvc.perform(get(LODZ + "/decisions/" + id + "/audit"))
                .andExpect(jsonPath("$..changes[?(@.field == 'signatureOverride')].after").value("acknowledged KEY_COMPROMISED"));
    }
}
