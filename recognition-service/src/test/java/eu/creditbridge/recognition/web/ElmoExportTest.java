package eu.creditbridge.recognition.web;

import static eu.creditbridge.recognition.Fixtures.credential;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.recognition.RecognitionServiceTest;
import eu.creditbridge.recognition.application.DecisionStore;
import eu.creditbridge.recognition.application.LearnerRecordStore;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.Grade;
import eu.creditbridge.recognition.exchange.ElmoSchema;
import java.io.ByteArrayInputStream;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;

/** The learner record as ELMO 2.0.0 ({@code Accept: application/xml}), validated against the official schema. */
@RecognitionServiceTest
@WithMockUser(roles = "ADMIN")
class ElmoExportTest {

    private static final String RECORD = "/api/institutions/uni.lodz.pl/learners/{learnerId}/record";

    @Autowired
    MockMvc mvc;
    @Autowired
    DecisionStore decisions;
    @Autowired
    LearnerRecordStore records;

    private void decided(Credential credential) {
        RecognitionControllerTest.decidedAtLodz(decisions, records, credential);
    }

    @Test
    void recognisedAndRejectedResultsExportAsElmoThatValidatesKeepingCreditsAndGrades() throws Exception {
        EuropeanStudentIdentifier ewa = EuropeanStudentIdentifier.of("urn:schac:personalUniqueCode:int:esi:pl:elmo-export-1");
        decided(credential().learner(ewa).build());
        decided(credential().learner(ewa).courseCode("FEB13011").title("Urban Economics").credits("7.5").build());
        decided(credential().learner(ewa).courseCode("FEB99999").title("Failed Statistics").grade(new Grade("4", "nl-1-10", false)).build());

        byte[] elmo = mvc.perform(get(RECORD, ewa.value()).accept("application/xml"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/xml"))
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(ElmoSchema.errors(elmo)).isEmpty();
        Document document = parse(elmo);
        assertThat(text(document, "/elmo:elmo/elmo:learner/elmo:identifier[@type='esi']")).isEqualTo(ewa.value());
        assertThat(text(document, "/elmo:elmo/elmo:report/elmo:issuer/elmo:identifier[@type='schac']")).isEqualTo("uni.lodz.pl");
        assertThat(text(document, "count(//elmo:resultOfRecognition)")).isEqualTo("3");

        String dataScience = "//elmo:resultOfRecognition[elmo:title='Data Science']";
        assertThat(text(document, dataScience + "/elmo:status")).isEqualTo("Positive");
        assertThat(text(document, dataScience + "/elmo:decisionDate")).isEqualTo("2025-02-20");
        String basis = dataScience + "/elmo:recognitionBasis/elmo:recognitionReport";
        assertThat(text(document, basis + "/elmo:issuer/elmo:identifier[@type='schac']")).isEqualTo("eur.nl");
        assertThat(text(document, basis + "//elmo:identifier[@type='local']")).isEqualTo("FEB22012");
        assertThat(text(document, basis + "//elmo:resultLabel")).isEqualTo("8");
        assertThat(text(document, basis + "//elmo:gradingSchemeLocalId")).isEqualTo("nl-1-10");
        assertThat(new java.math.BigDecimal(text(document, basis + "//elmo:credit/elmo:value"))).isEqualByComparingTo("5");
        String result = dataScience + "/elmo:recognitionResult/elmo:learningOpportunitySpecification";
        assertThat(text(document, result + "/elmo:identifier[@type='local']")).isEqualTo("INF-2041");
        assertThat(text(document, result + "//elmo:gradingSchemeLocalId")).isEqualTo("pl-2-5");
        assertThat(text(document, result + "//cb:gradeConversion/@originalGrade")).isEqualTo("8");
        assertThat(text(document, result + "//cb:gradeConversion/@method")).isNotEqualTo("NONE");
        assertThat(text(document, dataScience + "//elmo:fromMapping/elmo:ref")).isEqualTo("FEB22012");
        assertThat(text(document, dataScience + "//elmo:toMapping/elmo:ref")).isEqualTo("INF-2041");

        String electives = "//elmo:resultOfRecognition[elmo:title='Urban Economics']";
        assertThat(text(document, electives + "/elmo:recognitionResult//elmo:identifier[@type='local']")).isEqualTo("alliance-electives");
        assertThat(new java.math.BigDecimal(text(document, electives + "/elmo:recognitionResult//elmo:credit/elmo:value")))
                .isEqualByComparingTo("7.5");

        String failed = "//elmo:resultOfRecognition[elmo:title='Failed Statistics']";
        assertThat(text(document, failed + "/elmo:status")).isEqualTo("Negative");
        assertThat(text(document, "count(" + failed + "/elmo:recognitionResult)")).isEqualTo("0");
        assertThat(text(document, failed + "//elmo:learningOpportunityInstance/elmo:status")).isEqualTo("failed");
    }

    @Test
    void aClientThatAcceptsAnythingStillGetsJson() throws Exception {
        EuropeanStudentIdentifier jan = EuropeanStudentIdentifier.of("urn:schac:personalUniqueCode:int:esi:pl:elmo-export-2");
        decided(credential().learner(jan).build());

        mvc.perform(get(RECORD, jan.value()).accept("*/*"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$.totals.ects").value(5.0));
        mvc.perform(get(RECORD, jan.value()).accept("application/json, application/xml;q=0.5"))
                .andExpect(content().contentTypeCompatibleWith("application/json"));
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static String text(Document document, String expression) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return "cb".equals(prefix) ? "https://creditbridge.eu/ns/elmo-extension/1" : "https://github.com/emrex-eu/elmo-schemas/tree/v1";
            }

            @Override
            public String getPrefix(String namespaceUri) {
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String namespaceUri) {
                return List.<String>of().iterator();
            }
        });
        return xpath.evaluate(expression, document);
    }
}
