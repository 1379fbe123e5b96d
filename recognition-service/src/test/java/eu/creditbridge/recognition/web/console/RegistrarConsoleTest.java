package eu.creditbridge.recognition.web.console;

import eu.creditbridge.recognition.RecognitionServiceTest;
import static eu.creditbridge.recognition.Fixtures.credential;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.recognition.Fixtures;
import eu.creditbridge.recognition.application.DecisionStore;
import eu.creditbridge.recognition.application.RegistryView;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.RecognitionCase;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.domain.Ruleset;
import eu.creditbridge.recognition.domain.SignatureVerdict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A registrar of Erasmus University Rotterdam works through the console: queue, decision, act, learner record. */
@RecognitionServiceTest
class RegistrarConsoleTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    DecisionStore decisions;
    @Autowired
    RegistryView registry;
    @Autowired
    UserDetailsService accounts;

    @BeforeEach
    void rotterdamHasAnElectiveCategory() {
        registry.institutionUpdated(Fixtures.rotterdam());
        registry.institutionUpdated(Fixtures.lodz());
        registry.rulesetPublished(new Ruleset(Fixtures.ROTTERDAM, 1, List.of(), Optional.of("alliance-electives")));
    }

    private RequestPostProcessor registrarOfRotterdam() {
        return user(accounts.loadUserByUsername("registrar@eur.nl"));
    }

    private static String newLearner() {
        return "urn:schac:personalUniqueCode:int:esi:nl:c-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An unsigned credential from Lodz: never recognised automatically, so it waits for a registrar at Rotterdam. */
    private RecognitionDecision waitingForReview(String learner, String title) {
        Credential credential = credential().issuedBy(Fixtures.LODZ).home(Fixtures.ROTTERDAM).learner(EuropeanStudentIdentifier.of(learner))
                .courseCode(null).title(title).credits("5").build();
        var decision = Fixtures.policy().decide(new RecognitionCase(credential, Fixtures.rotterdam(), Optional.of(Fixtures.lodz()),
                Optional.of(new Ruleset(Fixtures.ROTTERDAM, 1, List.of(), Optional.of("alliance-electives"))),
                SignatureVerdict.of(SignatureVerdict.Status.UNSIGNED, "The credential carries no signature.")));
        return decisions.insertOrLoad(RecognitionDecision.byRules(credential, decision, Instant.parse("2025-02-20T10:00:00Z")), credential)
                .decision();
    }

    /** As {@link #waitingForReview}, but the trace says the signature was VALID: a plain review case, not flagged. */
    private RecognitionDecision signedWaitingForReview(String learner, String title) {
        Credential credential = credential().issuedBy(Fixtures.LODZ).home(Fixtures.ROTTERDAM).learner(EuropeanStudentIdentifier.of(learner))
                .courseCode(null).title(title).credits("5").build();
        var unsigned = Fixtures.policy().decide(new RecognitionCase(credential, Fixtures.rotterdam(), Optional.of(Fixtures.lodz()),
                Optional.of(new Ruleset(Fixtures.ROTTERDAM, 1, List.of(), Optional.of("alliance-electives"))),
                SignatureVerdict.of(SignatureVerdict.Status.UNSIGNED, "The credential carries no signature.")));
        List<eu.creditbridge.recognition.domain.DecisionReason> reasons = new java.util.ArrayList<>(unsigned.reasons().stream()
                .map(reason -> reason.step().equals("signature")
                        ? eu.creditbridge.recognition.domain.DecisionReason.considered("signature", "Signature VALID: signed with key lodz-2025.")
                        : reason)
                .toList());
        reasons.add(eu.creditbridge.recognition.domain.DecisionReason.decisive("registrar-review", "No rule decides; a registrar decides."));
        var decision = new eu.creditbridge.recognition.domain.Decision(unsigned.outcome(), unsigned.recognisedCredits(), unsigned.target(),
                unsigned.grade(), reasons, unsigned.rulesetVersion());
        return decisions.insertOrLoad(RecognitionDecision.byRules(credential, decision, Instant.parse("2025-02-20T10:00:00Z")), credential)
                .decision();
    }

    @Test
    void registrarApprovesOneFromTheQueueAndSeesItInTheLearnerRecordAndTheAuditTrail() throws Exception {
        String learner = newLearner();
        RecognitionDecision waiting = waitingForReview(learner, "Urban Ecology");
        UUID credentialId = waiting.id().credentialId();

        mvc.perform(get("/console/institutions/eur.nl/queue").with(registrarOfRotterdam()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"review-queue\""), containsString("id=\"queue-count\""),
                        containsString("data-credential-id=\"" + credentialId + "\""),
                        // Unsigned: flagged, and not offered for "approve selected as suggested"
                        containsString("id=\"signature-flag-" + credentialId + "\""), containsString("Signature UNSIGNED"),
                        not(containsString("name=\"credentialIds\" value=\"" + credentialId + "\"")), containsString("id=\"approve-selected\""))));
        mvc.perform(get("/console/institutions/eur.nl/decisions/{id}", credentialId).with(registrarOfRotterdam()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"decision-outcome\""), containsString("Needs review"),
                        containsString("id=\"signature-status\""), containsString("UNSIGNED"), containsString("id=\"rule-trace\""),
                        containsString("5 ECTS as credit category alliance-electives"), containsString("id=\"approve-form\""),
                        containsString("No registrar has acted on this decision yet."), containsString("id=\"approve-signature-override\""))));

        mvc.perform(post("/console/institutions/eur.nl/decisions/{id}/approval", credentialId).with(registrarOfRotterdam()).with(csrf())
                        .param("reason", "Fits our elective scheme").param("revision", String.valueOf(waiting.revision())))
                .andExpect(redirectedUrl("/console/institutions/eur.nl/decisions/" + credentialId))
                .andExpect(flash().attribute("flashKind", "error"));

        mvc.perform(post("/console/institutions/eur.nl/decisions/{id}/approval", credentialId).with(registrarOfRotterdam()).with(csrf())
                        .param("reason", "Fits our elective scheme").param("signatureOverride", "true")
                        .param("revision", String.valueOf(waiting.revision())))
                .andExpect(redirectedUrl("/console/institutions/eur.nl/queue"))
                .andExpect(flash().attribute("flash", containsString("Approved: Urban Ecology")));

        mvc.perform(get("/console/institutions/eur.nl/queue").with(registrarOfRotterdam()))
                .andExpect(content().string(not(containsString("data-credential-id=\"" + credentialId + "\""))));
        mvc.perform(get("/console/institutions/eur.nl/learners/{id}", learner).with(registrarOfRotterdam()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"learner-total-ects\">5</span>"),
                        containsString("id=\"learner-components\""), containsString("id=\"learner-decisions\""),
                        containsString("id=\"learner-elmo-download\""))));
        // The download is the API's ELMO export: the approved result, Positive, valid against the ELMO 2.0.0 schema.
        byte[] elmo = mvc.perform(get("/console/institutions/eur.nl/learners/{id}/elmo.xml", learner).with(registrarOfRotterdam()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        org.assertj.core.api.Assertions.assertThat(eu.creditbridge.recognition.exchange.ElmoSchema.errors(elmo)).isEmpty();
        org.assertj.core.api.Assertions.assertThat(new String(elmo, java.nio.charset.StandardCharsets.UTF_8))
                .contains("<status>Positive</status>", "Urban Ecology");
        mvc.perform(get("/console/institutions/eur.nl/decisions/{id}", credentialId).with(registrarOfRotterdam()))
                .andExpect(content().string(allOf(containsString("id=\"audit-trail\""), containsString("registrar@eur.nl"),
                        containsString("Fits our elective scheme"), not(containsString("id=\"approve-form\"")))));
    }

    @Test
    void rejectionWithoutAReasonIsRefusedWithAMessageAndWithAReasonTakesItOutOfTheQueue() throws Exception {
        UUID credentialId = waitingForReview(newLearner(), "Marine Biology").id().credentialId();

        mvc.perform(post("/console/institutions/eur.nl/decisions/{id}/rejection", credentialId).with(registrarOfRotterdam()).with(csrf())
                        .param("reason", " "))
                .andExpect(redirectedUrl("/console/institutions/eur.nl/decisions/" + credentialId))
                .andExpect(flash().attribute("flashKind", "error"));
        mvc.perform(post("/console/institutions/eur.nl/decisions/{id}/rejection", credentialId).with(registrarOfRotterdam()).with(csrf())
                        .param("reason", "Overlaps with a course the learner already passed"))
                .andExpect(redirectedUrl("/console/institutions/eur.nl/queue"));
        mvc.perform(get("/console/institutions/eur.nl/decisions/{id}", credentialId).with(registrarOfRotterdam()))
                .andExpect(content().string(allOf(containsString("Rejected"), containsString("Overlaps with a course"))));
    }

    @Test
    void questionKeepsTheDecisionInTheQueueMarkedAsAsked() throws Exception {
        UUID credentialId = waitingForReview(newLearner(), "Quantum Computing").id().credentialId();

        mvc.perform(post("/console/institutions/eur.nl/decisions/{id}/question", credentialId).with(registrarOfRotterdam()).with(csrf())
                        .param("question", "Which textbook did the course use?"))
                .andExpect(redirectedUrl("/console/institutions/eur.nl/decisions/" + credentialId));
        mvc.perform(get("/console/institutions/eur.nl/queue").with(registrarOfRotterdam()))
                .andExpect(content().string(allOf(containsString("data-credential-id=\"" + credentialId + "\""),
                        containsString("Question asked"))));
    }

    @Test
    void selectedDecisionsAreApprovedInOneGo() throws Exception {
        String learner = newLearner();
        UUID first = signedWaitingForReview(learner, "Sustainable Cities").id().credentialId();
        UUID second = signedWaitingForReview(learner, "Circular Economy").id().credentialId();
        UUID unsigned = waitingForReview(learner, "Urban Mining").id().credentialId();

        mvc.perform(post("/console/institutions/eur.nl/decisions/approvals").with(registrarOfRotterdam()).with(csrf())
                        .param("credentialIds", first.toString(), second.toString(), unsigned.toString()))
                .andExpect(redirectedUrl("/console/institutions/eur.nl/queue"))
                .andExpect(flash().attribute("flash", allOf(containsString("Approved 2 decisions"), containsString("UNSIGNED"))));
        mvc.perform(get("/console/institutions/eur.nl/learners/{id}", learner).with(registrarOfRotterdam()))
                .andExpect(content().string(containsString("id=\"learner-total-ects\">10</span>")));
    }

    @Test
    void anEmptyQueueSaysSoAndFiltersThatMatchNothingSayThat() throws Exception {
        mvc.perform(get("/console/institutions/ucc.ie/queue").with(user(accounts.loadUserByUsername("registrar@ucc.ie"))))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("No decisions are waiting for review."),
                        containsString("id=\"queue-count\">0<"))));
        mvc.perform(get("/console/institutions/eur.nl/queue").param("partner", "ucc.ie").param("sort", "oldest")
                        .with(registrarOfRotterdam()))
                .andExpect(content().string(containsString("No decisions match these filters.")));
        mvc.perform(get("/console/institutions/eur.nl/queue").param("olderThanDays", "-3").with(registrarOfRotterdam()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Those filters do not work")));
    }

    @Test
    void decisionOfAnotherInstitutionUnderOnesOwnConsolePathIsNotFound() throws Exception {
        UUID rotterdamCredential = waitingForReview(newLearner(), "Urban Ecology").id().credentialId();

        mvc.perform(get("/console/institutions/uni.lodz.pl/decisions/{id}", rotterdamCredential)
                        .with(user(accounts.loadUserByUsername("registrar@uni.lodz.pl"))))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("has no decision on credential")));
    }

    @Test
    void searchFindsADecisionByCredentialIdAndTheLearnerById() throws Exception {
        String learner = newLearner();
        UUID credentialId = waitingForReview(learner, "Urban Ecology").id().credentialId();

        mvc.perform(get("/console/institutions/eur.nl/search").param("q", credentialId.toString()).with(registrarOfRotterdam()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-credential-id=\"" + credentialId + "\"")));
        mvc.perform(get("/console/institutions/eur.nl/search").param("q", learner).with(registrarOfRotterdam()))
                .andExpect(content().string(containsString(learner)));
    }
}
