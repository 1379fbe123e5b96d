package eu.creditbridge.recognition.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.RecognitionServiceTest;
import eu.creditbridge.recognition.application.RegistryView;
import eu.creditbridge.recognition.domain.AllianceMembership;
import eu.creditbridge.recognition.domain.CourseEquivalence;
import eu.creditbridge.recognition.domain.Institution;
import eu.creditbridge.recognition.domain.Ruleset;
import eu.creditbridge.recognition.exchange.ElmoSchema;
import eu.creditbridge.recognition.exchange.ElmoSigner;
import eu.creditbridge.recognition.exchange.PublicSamples;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;

/**
 * A registrar of the University of Oslo uploads ELMO documents learners brought from Warsaw: decided like any
 * credential, with the document's XML signature as the signature verdict, and exported again as ELMO.
 */
@RecognitionServiceTest
@WithMockUser(roles = "ADMIN")
class TranscriptControllerTest {

    static final SchacCode OSLO = SchacCode.of("uio.no");
    static final SchacCode WARSAW = SchacCode.of("uw.edu.pl");
    static final KeyPair WARSAW_KEY = ElmoSigner.ed25519();
    static final String TRANSCRIPTS = "/api/institutions/uio.no/learners/{learnerId}/transcripts";

    @Autowired
    MockMvc mvc;
    @Autowired
    RegistryView registry;

    @BeforeEach
    void registryListsOsloAndWarsawWithItsKey() {
        registry.institutionUpdated(new Institution(OSLO, Optional.of("N  OSLO01"), "University of Oslo", "NO", "nl-1-10",
                List.<AllianceMembership>of(), Optional.empty(), List.of()));
        registry.institutionUpdated(new Institution(WARSAW, Optional.of("PL WARSZAW01"), "University of Warsaw", "PL", "pl-2-5",
                List.<AllianceMembership>of(), Optional.empty(), List.of(ElmoSigner.listed("uw-2025", WARSAW_KEY, LocalDate.of(2024, 1, 1)))));
        registry.rulesetPublished(new Ruleset(OSLO, 1, List.of(new CourseEquivalence(WARSAW, "1000-217bMRJ", "MAT1140",
                Optional.of("Discrete mathematics"), Optional.empty(), Optional.empty())), Optional.of("exchange-electives")));
    }

    /** Other test classes share this context: Rotterdam and Lodz (only the README test adds them) leave the view again. */
    @AfterEach
    void viewForgetsTheDemoInstitutions() {
        registry.institutionRemoved(SchacCode.of("eur.nl"));
        registry.institutionRemoved(SchacCode.of("uni.lodz.pl"));
    }

    static byte[] forLearner(String esi) {
        return new String(PublicSamples.own("elmo-uw-signed-source.xml"), StandardCharsets.UTF_8)
                .replace("urn:schac:personalUniqueCode:int:esi:uio.no:elmo-1", esi).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSignedTranscriptIsRecognisedAndExportedWithItsCreditsAndGradeKept() throws Exception {
        String ingrid = "urn:schac:personalUniqueCode:int:esi:uio.no:elmo-signed";
        byte[] signed = ElmoSigner.sign(forLearner(ingrid), WARSAW_KEY, false);

        mvc.perform(post(TRANSCRIPTS, ingrid).contentType(MediaType.APPLICATION_XML).content(signed))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decided").value(3))
                .andExpect(jsonPath("$.skipped").value(2))
                .andExpect(jsonPath("$.results[0].reference").value("1000-217bMRJ"))
                .andExpect(jsonPath("$.results[0].outcome").value("RECOGNISED"))
                .andExpect(jsonPath("$.results[0].signature").value("VALID"))
                .andExpect(jsonPath("$.results[0].recognisedAs", containsString("MAT1140")))
                .andExpect(jsonPath("$.results[0].recognisedEcts").value(7.5))
                .andExpect(jsonPath("$.results[3].reason").value("not passed (failed)"));
        // Uploaded again: the same credentials, nothing decided twice, the totals unchanged.
        mvc.perform(post(TRANSCRIPTS, ingrid).contentType(MediaType.APPLICATION_XML).content(signed))
                .andExpect(jsonPath("$.decided").value(3));

        byte[] elmo = mvc.perform(get("/api/institutions/uio.no/learners/{learnerId}/record", ingrid).accept(MediaType.APPLICATION_XML))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(ElmoSchema.errors(elmo)).isEmpty();
        Document exported = ElmoExportTest.parse(elmo);
        String discrete = "//elmo:resultOfRecognition[elmo:title='Discrete Mathematics']";
        assertThat(ElmoExportTest.text(exported, discrete + "/elmo:status")).isEqualTo("Positive");
        String basis = discrete + "/elmo:recognitionBasis//elmo:learningOpportunityInstance";
        assertThat(new BigDecimal(ElmoExportTest.text(exported, basis + "/elmo:credit/elmo:value"))).isEqualByComparingTo("7.5");
        assertThat(ElmoExportTest.text(exported, basis + "/elmo:resultLabel")).isEqualTo("4.5");
        assertThat(ElmoExportTest.text(exported, basis + "/elmo:gradingSchemeLocalId")).isEqualTo("pl-2-5");
        String result = discrete + "/elmo:recognitionResult//elmo:learningOpportunityInstance";
        assertThat(new BigDecimal(ElmoExportTest.text(exported, result + "/elmo:credit/elmo:value"))).isEqualByComparingTo("7.5");
        assertThat(ElmoExportTest.text(exported, result + "//cb:gradeConversion/@originalGrade")).isEqualTo("4.5");
        mvc.perform(get("/api/institutions/uio.no/learners/{learnerId}/record", ingrid))
                .andExpect(jsonPath("$.totals.perLocalCourse.MAT1140").value(7.5));
    }

    @Test
    void anUnsignedTranscriptOrOneFromAnUnknownSignerGoesToARegistrar() throws Exception {
        String unsigned = "urn:schac:personalUniqueCode:int:esi:uio.no:elmo-unsigned";
        mvc.perform(post(TRANSCRIPTS, unsigned).contentType(MediaType.APPLICATION_XML).content(forLearner(unsigned)))
                .andExpect(jsonPath("$.results[0].outcome").value("NEEDS_REVIEW"))
                .andExpect(jsonPath("$.results[0].signature").value("UNSIGNED"));

        String stranger = "urn:schac:personalUniqueCode:int:esi:uio.no:elmo-stranger";
        mvc.perform(post(TRANSCRIPTS, stranger).contentType(MediaType.APPLICATION_XML)
                        .content(ElmoSigner.sign(forLearner(stranger), ElmoSigner.ed25519(), true)))
                .andExpect(jsonPath("$.results[0].outcome").value("NEEDS_REVIEW"))
                .andExpect(jsonPath("$.results[0].signature").value("UNKNOWN_KEY"))
                .andExpect(jsonPath("$.results[0].reason", containsString("signature")));
    }

    @Test
    void everyPublicSampleImportsOrIsRefusedWithTheReason() throws Exception {
        String learner = "urn:schac:personalUniqueCode:int:esi:uio.no:elmo-samples";
        // The official example: its two courses with ECTS decided, its illustrative signature never trusted.
        mvc.perform(post(TRANSCRIPTS, learner).contentType(MediaType.APPLICATION_XML).content(PublicSamples.bytes("elmo-v2.0.0/example.xml")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decided").value(2))
                .andExpect(jsonPath("$.results[?(@.status == 'DECIDED')].outcome", org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.is("NEEDS_REVIEW"))));
        // The EWP Transcript of Records: its one course carries no credits.
        mvc.perform(post(TRANSCRIPTS, learner).contentType(MediaType.APPLICATION_XML)
                        .content(PublicSamples.bytes("ewp/tors-get-response-example.xml")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decided").value(0))
                .andExpect(jsonPath("$.results[0].reason").value("no ECTS credits"));
        // A learning agreement is no transcript.
        mvc.perform(post(TRANSCRIPTS, learner).contentType(MediaType.APPLICATION_XML)
                        .content(PublicSamples.bytes("ewp/omobility-las-get-response-example.xml")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reason", containsString("omobility-las-get-response")));
    }

    @Test
    void hostileDocumentsAreRefusedBeforeParsing() throws Exception {
        String learner = "urn:schac:personalUniqueCode:int:esi:uio.no:elmo-hostile";
        mvc.perform(post(TRANSCRIPTS, learner).contentType(MediaType.APPLICATION_XML).content(PublicSamples.own("billion-laughs.xml")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.reason", containsString("DOCTYPE")));
        mvc.perform(post(TRANSCRIPTS, learner).contentType(MediaType.APPLICATION_XML).content(new byte[4 * 1024 * 1024 + 1]))
                .andExpect(status().isContentTooLarge());
    }

    @Test
    void theReadmesExampleDocumentsAreAccepted() throws Exception {
        registry.institutionUpdated(new Institution(SchacCode.of("eur.nl"), Optional.empty(), "Erasmus University Rotterdam", "NL",
                "nl-1-10", List.<AllianceMembership>of(), Optional.empty(), List.of()));
        registry.institutionUpdated(new Institution(SchacCode.of("uni.lodz.pl"), Optional.empty(), "University of Lodz", "PL",
                "pl-2-5", List.<AllianceMembership>of(), Optional.empty(), List.of()));
        String sanne = "urn:schac:personalUniqueCode:int:esi:eur.nl:589834";
        mvc.perform(put("/api/institutions/eur.nl/learners/{learnerId}/learning-agreements/ola-589834-2025", sanne)
                        .contentType(MediaType.APPLICATION_XML).content(Files.readAllBytes(Path.of("../docs/examples/learning-agreement.xml"))))
                .andExpect(status().is2xxSuccessful())
                .andExpect(jsonPath("$.components[0].localCourseCode").value("EUR-URB-210"))
                .andExpect(jsonPath("$.tables.pending.changes[0].component.code").value("ECO-310"));
        mvc.perform(post("/api/institutions/eur.nl/learners/{learnerId}/transcripts", sanne)
                        .contentType(MediaType.APPLICATION_XML).content(Files.readAllBytes(Path.of("../docs/examples/elmo-transcript.xml"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].status").value("DECIDED"))
                .andExpect(jsonPath("$.results[0].signature").value("UNSIGNED"));
    }
}
