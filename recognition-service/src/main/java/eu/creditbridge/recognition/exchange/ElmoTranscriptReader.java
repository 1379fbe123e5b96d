package eu.creditbridge.recognition.exchange;

import static eu.creditbridge.recognition.exchange.UntrustedXml.child;
import static eu.creditbridge.recognition.exchange.UntrustedXml.children;
import static eu.creditbridge.recognition.exchange.UntrustedXml.path;
import static eu.creditbridge.recognition.exchange.UntrustedXml.text;

import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.Grade;
import eu.creditbridge.recognition.domain.transcript.TranscriptEntry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * ELMO documents a learner brought, read tolerantly (any ELMO namespace version: elements by local name; bind what is
 * there, refuse only what is unusable): one {@link ElmoDocument} per {@code elmo} element, the document itself or each
 * one an EWP Transcript of Records get-response wraps, each re-rooted in a document of its own so that its signature is
 * checked over exactly what is read. Every learning opportunity, nested parts included, becomes an entry:
 * <ul>
 *   <li>a result: status passed (or no status: a report lists completed courses), ECTS credits above zero, not a
 *       degree programme; issuer from the report's {@code schac} identifier; course code from the {@code local}
 *       identifier (else the first one); issue date from the instance's {@code date} (else its start, else the
 *       report's issue date); grade from {@code resultLabel} with its {@code gradingSchemeLocalId} (the document's
 *       own scheme name: it travels unconverted unless the registry knows it); EQF level where stated;</li>
 *   <li>skipped: failed or in progress, no ECTS credits, a degree programme (its courses are read one by one);</li>
 *   <li>refused: a report whose issuer has no SCHAC identifier, credits or dates that are not what they say.</li>
 * </ul>
 * The credential id is a name-based UUID of issuer, learning-opportunity id, instance id and learner, so uploading
 * the same document again decides nothing new.
 */
public final class ElmoTranscriptReader {

    /** One ELMO document: the root its signature is checked on, and its entries. */
    public record ElmoDocument(Element root, List<TranscriptEntry> entries) {
    }

    private ElmoTranscriptReader() {
    }

    public static List<ElmoDocument> read(Document document, SchacCode home, EuropeanStudentIdentifier learner) {
        Element root = document.getDocumentElement();
        List<Element> elmos = switch (root.getLocalName()) {
            case "elmo" -> List.of(root);
            case "imobility-tors-get-response" -> children(root, "tor").stream().flatMap(tor -> children(tor, "elmo").stream()).toList();
            default -> throw UnreadableDocument.because("Expected an ELMO document (<elmo>) or an EWP imobility-tors-get-response,"
                    + " found <" + root.getLocalName() + ">.");
        };
        if (elmos.isEmpty()) {
            throw UnreadableDocument.because("The Transcript of Records response holds no ELMO document.");
        }
        List<ElmoDocument> read = new ArrayList<>();
        for (Element elmo : elmos) {
            Element own = reRooted(elmo);
            read.add(new ElmoDocument(own, entries(own, home, learner)));
        }
        return read;
    }

    private static Element reRooted(Element elmo) {
        if (elmo.getOwnerDocument().getDocumentElement() == elmo) {
            return elmo;
        }
        try {
            Document own = UntrustedXml.factory().newDocumentBuilder().newDocument();
            own.appendChild(own.importNode(elmo, true));
            return own.getDocumentElement();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<TranscriptEntry> entries(Element elmo, SchacCode home, EuropeanStudentIdentifier learner) {
        Optional<String> esi = path(elmo, "learner").flatMap(person -> identifier(person, "esi"));
        if (esi.isPresent() && !esi.get().equalsIgnoreCase(learner.value())) {
            throw UnreadableDocument.because("The document's learner is " + esi.get() + ", not the learner " + learner + " of the path.");
        }
        List<TranscriptEntry> entries = new ArrayList<>();
        for (Element report : children(elmo, "report")) {
            Optional<LocalDate> reportDate = text(report, "issueDate").flatMap(ElmoTranscriptReader::date);
            Optional<String> schac = path(report, "issuer").flatMap(issuer -> identifier(issuer, "schac"));
            Optional<SchacCode> issuer = schac.flatMap(ElmoTranscriptReader::schac);
            for (Element los : children(report, "learningOpportunitySpecification")) {
                walk(los, issuer, schac, reportDate, home, learner, entries);
            }
        }
        return entries;
    }

    private static void walk(Element los, Optional<SchacCode> issuer, Optional<String> schac, Optional<LocalDate> reportDate, SchacCode home,
                             EuropeanStudentIdentifier learner, List<TranscriptEntry> entries) {
        entries.add(entry(los, issuer, schac, reportDate, home, learner));
        for (Element part : children(los, "hasPart")) {
            for (Element nested : children(part, "learningOpportunitySpecification")) {
                walk(nested, issuer, schac, reportDate, home, learner, entries);
            }
        }
    }

    private static TranscriptEntry entry(Element los, Optional<SchacCode> issuer, Optional<String> schac, Optional<LocalDate> reportDate,
                                         SchacCode home, EuropeanStudentIdentifier learner) {
        String title = title(los);
        Optional<String> code = identifier(los, "local").or(() -> child(los, "identifier").map(id -> id.getTextContent().strip()))
                .filter(id -> !id.isEmpty());
        String reference = code.orElse(title);
        Optional<Element> loi = path(los, "specifies", "learningOpportunityInstance");
        String type = text(los, "type").orElse("");
        if (type.equalsIgnoreCase("Degree Programme")) {
            return new TranscriptEntry.Skipped(reference, "a degree programme, not a course: its courses are read one by one");
        }
        if (loi.isEmpty()) {
            return new TranscriptEntry.Skipped(reference, "no learning opportunity instance: nothing was taken");
        }
        String status = text(loi.get(), "status").orElse("passed").toLowerCase(Locale.ROOT);
        if (!status.equals("passed")) {
            return new TranscriptEntry.Skipped(reference, "not passed (" + status + ")");
        }
        Optional<String> ects = children(loi.get(), "credit").stream()
                .filter(credit -> text(credit, "scheme").map(scheme -> scheme.equalsIgnoreCase("ects")).orElse(false))
                .findFirst().flatMap(credit -> text(credit, "value"));
        if (ects.isEmpty()) {
            return new TranscriptEntry.Skipped(reference, "no ECTS credits");
        }
        if (issuer.isEmpty()) {
            return new TranscriptEntry.Refused(reference, schac.map(value -> "the report's issuer identifier '" + value + "' is not a SCHAC code")
                    .orElse("the report's issuer has no identifier of type schac, so the issuing institution is unknown"));
        }
        EctsCredits credits;
        try {
            credits = EctsCredits.ofCredential(new BigDecimal(ects.get()));
        } catch (IllegalArgumentException e) {
            return new TranscriptEntry.Refused(reference, "ECTS credits '" + ects.get() + "': " + e.getMessage());
        }
        if (credits.isZero()) {
            return new TranscriptEntry.Skipped(reference, "no ECTS credits (0)");
        }
        Optional<LocalDate> issued = text(loi.get(), "date").flatMap(ElmoTranscriptReader::date)
                .or(() -> text(loi.get(), "start").flatMap(ElmoTranscriptReader::date))
                .or(() -> reportDate);
        if (issued.isEmpty()) {
            return new TranscriptEntry.Refused(reference, "no date: neither the instance nor the report says when it was completed");
        }
        Optional<Grade> grade = text(loi.get(), "resultLabel").map(label -> new Grade(label,
                text(loi.get(), "gradingSchemeLocalId").orElse("unstated"), true));
        Optional<Integer> eqf = children(loi.get(), "level").stream()
                .filter(level -> text(level, "type").map(kind -> kind.equalsIgnoreCase("EQF")).orElse(false))
                .findFirst().flatMap(level -> text(level, "value")).flatMap(ElmoTranscriptReader::eqf);
        String instance = identifier(loi.get(), "local").or(() -> child(loi.get(), "identifier").map(id -> id.getTextContent().strip()))
                .orElse(issued.get().toString());
        UUID credentialId = UUID.nameUUIDFromBytes(String.join("|", "elmo", issuer.get().value(), reference, instance, learner.value())
                .getBytes(StandardCharsets.UTF_8));
        try {
            return new TranscriptEntry.Result(reference, new Credential(credentialId, issuer.get(), learner, home, title, code, issued.get(),
                    credits, eqf, grade, Optional.empty()));
        } catch (IllegalArgumentException e) {
            return new TranscriptEntry.Refused(reference, e.getMessage());
        }
    }

    /** The English title if there is one, else the first. */
    private static String title(Element los) {
        List<Element> titles = children(los, "title");
        return titles.stream().filter(title -> "en".equalsIgnoreCase(title.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang")))
                .findFirst().or(() -> titles.stream().findFirst())
                .map(title -> title.getTextContent().strip().replaceAll("\\s+", " "))
                .filter(text -> !text.isEmpty())
                .orElse("(untitled)");
    }

    private static Optional<String> identifier(Element parent, String type) {
        return children(parent, "identifier").stream()
                .filter(id -> type.equalsIgnoreCase(id.getAttribute("type").strip()))
                .map(id -> id.getTextContent().strip())
                .filter(value -> !value.isEmpty())
                .findFirst();
    }

    private static Optional<SchacCode> schac(String value) {
        try {
            return Optional.of(SchacCode.lenient(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> eqf(String value) {
        try {
            int level = Integer.parseInt(value.strip());
            return level >= 1 && level <= 8 ? Optional.of(level) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** An xs:date or xs:dateTime, with or without a zone: the calendar day as written. */
    private static Optional<LocalDate> date(String value) {
        try {
            return Optional.of(value.length() > 10 && value.charAt(10) == 'T' ? OffsetDateTime.parse(value).toLocalDate()
                    : LocalDate.parse(value.substring(0, Math.min(10, value.length()))));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
