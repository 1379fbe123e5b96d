package eu.creditbridge.recognition.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.Grade;
import eu.creditbridge.recognition.domain.transcript.TranscriptEntry;
import eu.creditbridge.recognition.exchange.ElmoTranscriptReader.ElmoDocument;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** ELMO documents a learner brought, read tolerantly without Spring: the public samples and awkward ones of our own. */
class ElmoTranscriptReaderTest {

    static final SchacCode OSLO = SchacCode.of("uio.no");
    static final EuropeanStudentIdentifier INGRID = EuropeanStudentIdentifier.of("urn:schac:personalUniqueCode:int:esi:uio.no:elmo-1");

    static List<TranscriptEntry> entries(byte[] document, EuropeanStudentIdentifier learner) {
        List<ElmoDocument> read = ElmoTranscriptReader.read(UntrustedXml.parse(document), OSLO, learner);
        return read.stream().flatMap(each -> each.entries().stream()).toList();
    }

    static Map<String, TranscriptEntry> byReference(List<TranscriptEntry> entries) {
        return entries.stream().collect(Collectors.toMap(TranscriptEntry::reference, Function.identity(), (first, second) -> first));
    }

    @Test
    void theOfficialExampleGivesItsCoursesAsResultsAndSaysWhyTheRestIsSkipped() {
        Map<String, TranscriptEntry> entries = byReference(entries(PublicSamples.bytes("elmo-v2.0.0/example.xml"), INGRID));

        assertThat(entries.get("MNM2-BIO")).isInstanceOfSatisfying(TranscriptEntry.Skipped.class,
                skipped -> assertThat(skipped.reason()).contains("degree programme"));
        assertThat(entries.get("1000-217bMRJ")).isInstanceOfSatisfying(TranscriptEntry.Result.class, result -> {
            Credential course = result.credential();
            assertThat(course.issuingInstitution()).isEqualTo(SchacCode.of("uw.edu.pl"));
            assertThat(course.homeInstitution()).isEqualTo(OSLO);
            assertThat(course.learner()).isEqualTo(INGRID);
            assertThat(course.credits()).isEqualTo(EctsCredits.of("6"));
            assertThat(course.eqfLevel()).contains(5);
            assertThat(course.grade()).contains(new Grade("45.1", "0-100", true));
            assertThat(course.issuedOn()).isEqualTo(LocalDate.of(2015, 3, 17));
            assertThat(course.sourceCourseCode()).contains("1000-217bMRJ");
            assertThat(course.signature()).isEmpty();
        });
        // Nested in the degree, no status, a grade that is a word: still a passed result with its 15 ECTS.
        assertThat(entries.get("EKSTERN")).isInstanceOfSatisfying(TranscriptEntry.Result.class,
                result -> assertThat(result.credential().grade()).get().extracting(Grade::value).isEqualTo("Innpasset"));
        assertThat(entries.get("2829051")).isInstanceOfSatisfying(TranscriptEntry.Skipped.class,
                skipped -> assertThat(skipped.reason()).isEqualTo("no ECTS credits"));
        assertThat(entries.get("The importance of <br> in HTML")).isInstanceOf(TranscriptEntry.Skipped.class);
    }

    @Test
    void theEwpTranscriptOfRecordsIsReadThroughItsWrappedElmoWhoseOnlyCourseHasNoCredits() {
        List<ElmoDocument> documents = ElmoTranscriptReader.read(UntrustedXml.parse(PublicSamples.bytes("ewp/tors-get-response-example.xml")),
                OSLO, INGRID);

        assertThat(documents).hasSize(1);
        assertThat(documents.get(0).root().getLocalName()).isEqualTo("elmo");
        assertThat(documents.get(0).root().getOwnerDocument().getDocumentElement()).isSameAs(documents.get(0).root());
        assertThat(documents.get(0).entries()).singleElement().isInstanceOfSatisfying(TranscriptEntry.Skipped.class,
                skipped -> assertThat(skipped.reason()).isEqualTo("no ECTS credits"));
    }

    @Test
    void awkwardResultsAreReadAsTheyAre() {
        List<TranscriptEntry> entries = entries(PublicSamples.own("elmo-uw-signed-source.xml"), INGRID);

        List<Credential> results = entries.stream().filter(TranscriptEntry.Result.class::isInstance)
                .map(entry -> ((TranscriptEntry.Result) entry).credential()).toList();
        assertThat(results).extracting(Credential::title).containsExactly("Discrete Mathematics", "Seminar in Logic", "Seminar in Logic");
        assertThat(results.get(0).credits()).isEqualTo(EctsCredits.of("7.5"));
        assertThat(results.get(1).grade()).contains(new Grade("VG", "swedish-ug-vg", true));
        assertThat(results.get(2).grade()).contains(new Grade("bien", "fr-mention", true));
        // The same course taken twice is two results, each with its own stable id.
        assertThat(results.get(1).credentialId()).isNotEqualTo(results.get(2).credentialId());
        assertThat(entries(PublicSamples.own("elmo-uw-signed-source.xml"), INGRID).stream()
                .filter(TranscriptEntry.Result.class::isInstance).map(entry -> ((TranscriptEntry.Result) entry).credential().credentialId()))
                .containsExactlyElementsOf(results.stream().map(Credential::credentialId).toList());
        assertThat(byReference(entries).get("1000-400TOP")).isInstanceOfSatisfying(TranscriptEntry.Skipped.class,
                skipped -> assertThat(skipped.reason()).isEqualTo("not passed (failed)"));
        assertThat(byReference(entries).get("1000-400TOP-LAB")).isInstanceOf(TranscriptEntry.Skipped.class);
    }

    @Test
    void anOlderNamespaceIsReadAndAnIssuerWithoutSchacCodeIsRefusedByName() {
        assertThat(entries(PublicSamples.own("elmo-v1-no-schac.xml"), INGRID)).singleElement()
                .isInstanceOfSatisfying(TranscriptEntry.Refused.class,
                        refused -> assertThat(refused.reason()).contains("no identifier of type schac"));
    }

    @Test
    void anotherLearnersDocumentIsRefused() {
        assertThatThrownBy(() -> entries(PublicSamples.own("elmo-uw-signed-source.xml"),
                EuropeanStudentIdentifier.of("urn:schac:personalUniqueCode:int:esi:uio.no:someone-else")))
                .isInstanceOf(UnreadableDocument.class).hasMessageContaining("learner is urn:schac:personalUniqueCode:int:esi:uio.no:elmo-1");
    }

    @Test
    void aLearningAgreementIsNotATranscript() {
        assertThatThrownBy(() -> entries(PublicSamples.bytes("ewp/omobility-las-get-response-example.xml"), INGRID))
                .isInstanceOf(UnreadableDocument.class).hasMessageContaining("found <omobility-las-get-response>");
    }

    @Test
    void aTranscriptOfAWholeDegreeWithHundredsOfCoursesIsReadWhole() {
        StringBuilder courses = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            courses.append("""
                    <learningOpportunitySpecification><identifier type="local">C-%d</identifier><title>Course %d</title>
                      <specifies><learningOpportunityInstance><date>2024-06-30</date><status>passed</status>
                        <resultLabel>5</resultLabel><credit><scheme>ects</scheme><value>%s</value></credit>
                      </learningOpportunityInstance></specifies></learningOpportunitySpecification>
                    """.formatted(i, i, i % 2 == 0 ? "5" : "2.5"));
        }
        String degree = """
                <elmo xmlns="https://github.com/emrex-eu/elmo-schemas/tree/v1"><generatedDate>2024-07-01T00:00:00Z</generatedDate>
                <learner><givenNames/><familyName/></learner><report><issuer><identifier type="schac">uw.edu.pl</identifier>
                <title>UW</title><url>https://uw.edu.pl</url></issuer>%s<issueDate>2024-07-01T00:00:00Z</issueDate></report></elmo>
                """.formatted(courses);

        List<TranscriptEntry> entries = entries(degree.getBytes(StandardCharsets.UTF_8), INGRID);

        assertThat(entries).hasSize(400).allMatch(TranscriptEntry.Result.class::isInstance);
        assertThat(entries.stream().map(entry -> ((TranscriptEntry.Result) entry).credential().credentialId()).distinct()).hasSize(400);
    }
}
