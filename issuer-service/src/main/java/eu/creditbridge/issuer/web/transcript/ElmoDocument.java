package eu.creditbridge.issuer.web.transcript;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import tools.jackson.dataformat.xml.annotation.JacksonXmlText;

/**
 * The parts of ELMO (EMREX's transcript format, namespaces of v1.x and v2.0) and of the EWP Transcript of Records
 * get-response that become credentials, bound by Jackson's XML module. Everything else in a document (diploma
 * supplements, attachments, groups, signatures, extensions) is skipped unread, and every element is optional here:
 * the official example does not validate against its own schema, so a document is judged per learning opportunity,
 * by what is missing from it, not by the schema.
 *
 * <p>Values stay text: a number or date that does not parse is reported for its learning opportunity, not thrown
 * at the whole document.
 */
final class ElmoDocument {

    private ElmoDocument() {
    }

    /** The root {@code elmo}. */
    static class Elmo {
        public Learner learner;
        public List<Report> report = new ArrayList<>();
    }

    static class Learner {
        public List<Identifier> identifier = new ArrayList<>();
        public String givenNames;
        public String familyName;
    }

    static class Report {
        public Issuer issuer;
        public List<Los> learningOpportunitySpecification = new ArrayList<>();
        public String issueDate;
    }

    static class Issuer {
        public String country;
        public List<Identifier> identifier = new ArrayList<>();
        public List<Text> title = new ArrayList<>();
    }

    /** A learning opportunity specification: a degree, module, course or class, with its parts. */
    static class Los {
        public List<Identifier> identifier = new ArrayList<>();
        public List<Text> title = new ArrayList<>();
        public String type;
        public String iscedCode;
        public String url;
        public List<Text> description = new ArrayList<>();
        public List<Specifies> specifies = new ArrayList<>();
        public List<HasPart> hasPart = new ArrayList<>();
    }

    static class Specifies {
        public List<Loi> learningOpportunityInstance = new ArrayList<>();
    }

    static class HasPart {
        public List<Los> learningOpportunitySpecification = new ArrayList<>();
    }

    /** A learning opportunity instance: one attempt at it, with its result. */
    static class Loi {
        public List<Identifier> identifier = new ArrayList<>();
        public String start;
        public String date;
        public AcademicTerm academicTerm;
        public String status;
        public String gradingSchemeLocalId;
        public String resultLabel;
        public List<Credit> credit = new ArrayList<>();
        public List<Level> level = new ArrayList<>();
        public String languageOfInstruction;
        public String engagementHours;
    }

    static class AcademicTerm {
        public String start;
        public String end;
    }

    static class Credit {
        public String scheme;
        public String value;
    }

    static class Level {
        public String type;
        public String value;
    }

    static class Identifier {
        @JacksonXmlProperty(isAttribute = true)
        public String type;
        @JacksonXmlText
        public String value;
    }

    /** Text with an optional {@code xml:lang}. */
    static class Text {
        @JacksonXmlProperty(isAttribute = true, localName = "lang")
        public String lang;
        @JacksonXmlText
        public String value;
    }

    /** The root {@code imobility-tors-get-response}: one ELMO document per mobility, with its grade statistics. */
    static class TorsResponse {
        public List<Tor> tor = new ArrayList<>();
    }

    static class Tor {
        @JsonProperty("omobility-id")
        public String omobilityId;
        public List<Elmo> elmo = new ArrayList<>();
        public GradeConversionTable gradeConversionTable;
    }

    static class GradeConversionTable {
        public List<IscedTable> iscedTable = new ArrayList<>();
    }

    static class IscedTable {
        @JacksonXmlProperty(isAttribute = true)
        public String iscedCode;
        public List<GradeFrequency> gradeFrequency = new ArrayList<>();
    }

    static class GradeFrequency {
        @JacksonXmlProperty(isAttribute = true)
        public String label;
        @JacksonXmlProperty(isAttribute = true)
        public String percentage;
    }
}
