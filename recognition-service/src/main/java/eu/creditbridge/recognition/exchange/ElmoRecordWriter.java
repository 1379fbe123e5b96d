package eu.creditbridge.recognition.exchange;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.application.review.DecisionSummary;
import eu.creditbridge.recognition.application.review.LearnerView;
import eu.creditbridge.recognition.domain.Grade;
import eu.creditbridge.recognition.domain.GradeConversion;
import eu.creditbridge.recognition.domain.Institution;
import eu.creditbridge.recognition.domain.Outcome;
import eu.creditbridge.recognition.domain.RecognitionTarget;
import eu.creditbridge.recognition.domain.TargetKind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A learner's record at their home institution as an ELMO 2.0.0 document: one report issued by the home
 * institution, one {@code resultOfRecognition} per decided credential (Positive = recognised, Partially Positive =
 * fewer credits than the partner's, Negative = rejected; decisions awaiting a registrar or withdrawn are not
 * results and are left out). The basis is the partner's result as the partner wrote it (grade, scheme, ECTS); the
 * result is the home course or credit category with the recognised ECTS and the converted grade; the mapping
 * references the one by the other's {@code local} identifier. ELMO has no element for how a grade was converted, so
 * the method and original grade travel in the result's {@code extension} (namespace {@value #CREDITBRIDGE}) and, in
 * words, in the description. Validated against the ELMO 2.0.0 schema in the tests.
 */
public final class ElmoRecordWriter {

    public static final String ELMO = "https://github.com/emrex-eu/elmo-schemas/tree/v1";
    public static final String CREDITBRIDGE = "https://creditbridge.eu/ns/elmo-extension/1";
    private static final String XML = "http://www.w3.org/XML/1998/namespace";

    private ElmoRecordWriter() {
    }

    /**
     * @param institutions the registry view's institutions, for names; an institution it does not list is named by
     *                     its SCHAC code
     */
    public static byte[] write(LearnerView learner, Function<SchacCode, Optional<Institution>> institutions, Instant generatedAt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            new Writing(xml, institutions).document(learner, generatedAt.truncatedTo(ChronoUnit.SECONDS));
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The ELMO document could not be written", e);
        }
        return out.toByteArray();
    }

    /** ELMO's status of a decision, empty for decisions that are not (or no longer) a result of recognition. */
    static Optional<String> status(Outcome outcome) {
        return switch (outcome) {
            case RECOGNISED -> Optional.of("Positive");
            case PARTIALLY_RECOGNISED -> Optional.of("Partially Positive");
            case REJECTED -> Optional.of("Negative");
            case NEEDS_REVIEW, WITHDRAWN -> Optional.empty();
        };
    }

    private record Writing(XMLStreamWriter xml, Function<SchacCode, Optional<Institution>> institutions) {

        void document(LearnerView learner, Instant generatedAt) throws XMLStreamException {
            String generated = DateTimeFormatter.ISO_INSTANT.format(generatedAt);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(ELMO);
            xml.writeStartElement(ELMO, "elmo");
            xml.writeDefaultNamespace(ELMO);
            xml.writeNamespace("cb", CREDITBRIDGE);
            text("generatedDate", generated);
            xml.writeStartElement(ELMO, "learner");
            identifier("esi", learner.learner().value());
            // Names are not kept by CreditBridge; ELMO asks for empty strings then.
            text("givenNames", "");
            text("familyName", "");
            text("alternativeName", "");
            xml.writeEndElement();

            xml.writeStartElement(ELMO, "report");
            issuer(learner.institution());
            List<DecisionSummary> results = learner.decisions().stream()
                    .filter(decision -> status(decision.outcome()).isPresent())
                    .sorted(Comparator.comparing(DecisionSummary::decidedAt).thenComparing(decision -> decision.id().toString()))
                    .toList();
            for (DecisionSummary decision : results) {
                resultOfRecognition(decision, generated);
            }
            text("issueDate", generated);
            gradingSchemes(results.stream().map(decision -> decision.grade().converted()).flatMap(Optional::stream).toList());
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
        }

        private void resultOfRecognition(DecisionSummary decision, String generated) throws XMLStreamException {
            xml.writeStartElement(ELMO, "resultOfRecognition");
            text("title", decision.credentialTitle());
            text("description", description(decision));
            Optional<String> isced = decision.fieldOfStudy();
            if (isced.isPresent()) {
                text("iscedCode", isced.get());
            }
            text("status", status(decision.outcome()).orElseThrow());
            text("decisionDate", decision.decidedAt().atZone(ZoneOffset.UTC).toLocalDate().toString());

            String basisId = basisId(decision);
            xml.writeStartElement(ELMO, "recognitionBasis");
            xml.writeStartElement(ELMO, "recognitionReport");
            issuer(decision.partner());
            xml.writeStartElement(ELMO, "learningOpportunitySpecification");
            identifier("local", basisId);
            identifier("creditbridge-credential", decision.credentialId().toString());
            text("title", decision.credentialTitle());
            text("type", "Course");
            if (isced.isPresent()) {
                text("iscedCode", isced.get());
            }
            xml.writeStartElement(ELMO, "specifies");
            xml.writeStartElement(ELMO, "learningOpportunityInstance");
            if (decision.issuedOn().isPresent()) {
                text("date", decision.issuedOn().get().toString());
            }
            Optional<Grade> original = decision.grade().original();
            if (original.isPresent()) {
                text("status", original.get().passed() ? "passed" : "failed");
                text("gradingSchemeLocalId", original.get().scheme());
                text("resultLabel", original.get().value());
            }
            credit(decision.originalCredits().value().toPlainString());
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            text("issueDate", decision.issuedOn().map(date -> date.atStartOfDay(ZoneOffset.UTC).toInstant())
                    .map(DateTimeFormatter.ISO_INSTANT::format).orElse(generated));
            gradingSchemes(original.stream().toList());
            xml.writeEndElement();
            xml.writeEndElement();

            Optional<RecognitionTarget> target = decision.target();
            if (target.isPresent()) {
                xml.writeStartElement(ELMO, "recognitionResult");
                xml.writeStartElement(ELMO, "learningOpportunitySpecification");
                identifier("local", target.get().code());
                text("title", target.get().title().orElse(target.get().code()));
                if (target.get().kind() == TargetKind.LOCAL_COURSE) {
                    text("type", "Course");
                }
                xml.writeStartElement(ELMO, "specifies");
                xml.writeStartElement(ELMO, "learningOpportunityInstance");
                text("status", "passed");
                Optional<Grade> converted = decision.grade().converted();
                if (converted.isPresent()) {
                    text("gradingSchemeLocalId", converted.get().scheme());
                    text("resultLabel", converted.get().value());
                }
                credit(decision.recognisedCredits().value().toPlainString());
                conversion(decision.grade());
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();

                xml.writeStartElement(ELMO, "recognitionMapping");
                xml.writeStartElement(ELMO, "mapping");
                xml.writeStartElement(ELMO, "fromMapping");
                text("ref", basisId);
                xml.writeEndElement();
                xml.writeStartElement(ELMO, "toMapping");
                text("ref", target.get().code());
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }

        /** The partner's course code where it gave one, else the credential id: the basis' {@code local} identifier. */
        private static String basisId(DecisionSummary decision) {
            return decision.sourceCourseCode().orElse(decision.credentialId().toString());
        }

        private static String description(DecisionSummary decision) {
            GradeConversion grade = decision.grade();
            String grades = grade.original().map(original -> "Original grade " + original.value() + " (" + original.scheme() + ")"
                    + grade.converted().map(converted -> ", converted to " + converted.value() + " (" + converted.scheme() + ") by "
                            + grade.method()).orElse(", not converted") + ". ").orElse("No grade. ");
            return decision.originalCredits() + " ECTS at " + decision.partner() + ", " + decision.recognisedCredits() + " ECTS recognised"
                    + decision.target().map(target -> " as " + target.describe()).orElse("") + ". " + grades
                    + "Decided by " + decision.decidedBy() + decision.decisiveReason().map(reason -> ": " + reason).orElse(".");
        }

        /** How the result's grade came from the basis' grade: ELMO has no element for it, so an extension. */
        private void conversion(GradeConversion grade) throws XMLStreamException {
            if (grade.original().isEmpty()) {
                return;
            }
            xml.writeStartElement(ELMO, "extension");
            xml.writeEmptyElement(CREDITBRIDGE, "gradeConversion");
            xml.writeAttribute("method", grade.method().name());
            xml.writeAttribute("originalGrade", grade.original().get().value());
            xml.writeAttribute("originalScheme", grade.original().get().scheme());
            xml.writeEndElement();
        }

        private void issuer(SchacCode schac) throws XMLStreamException {
            Optional<Institution> known = institutions.apply(schac);
            xml.writeStartElement(ELMO, "issuer");
            identifier("schac", schac.value());
            if (known.isPresent() && known.get().erasmusCode().isPresent()) {
                identifier("erasmus", known.get().erasmusCode().get());
            }
            xml.writeStartElement(ELMO, "title");
            xml.writeAttribute("xml", XML, "lang", "en");
            xml.writeCharacters(known.map(Institution::name).orElse(schac.value()));
            xml.writeEndElement();
            // The registry keeps no web address; a SCHAC code is the institution's internet domain.
            text("url", "https://" + schac.value());
            xml.writeEndElement();
        }

        private void gradingSchemes(List<Grade> grades) throws XMLStreamException {
            Set<String> schemes = new LinkedHashSet<>();
            grades.forEach(grade -> schemes.add(grade.scheme()));
            for (String scheme : schemes) {
                xml.writeStartElement(ELMO, "gradingScheme");
                xml.writeAttribute("localId", scheme);
                text("description", "Grading scheme " + scheme + " as the CreditBridge registry names it.");
                xml.writeEndElement();
            }
        }

        private void credit(String ects) throws XMLStreamException {
            xml.writeStartElement(ELMO, "credit");
            text("scheme", "ects");
            text("value", ects);
            xml.writeEndElement();
        }

        private void identifier(String type, String value) throws XMLStreamException {
            xml.writeStartElement(ELMO, "identifier");
            xml.writeAttribute("type", type);
            xml.writeCharacters(value);
            xml.writeEndElement();
        }

        private void text(String name, String value) throws XMLStreamException {
            xml.writeStartElement(ELMO, name);
            xml.writeCharacters(value);
            xml.writeEndElement();
        }
    }
}
