package eu.creditbridge.recognition.exchange;

import static eu.creditbridge.recognition.exchange.UntrustedXml.child;
import static eu.creditbridge.recognition.exchange.UntrustedXml.children;
import static eu.creditbridge.recognition.exchange.UntrustedXml.path;
import static eu.creditbridge.recognition.exchange.UntrustedXml.text;

import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.domain.agreement.AgreementTables;
import eu.creditbridge.recognition.domain.agreement.AgreementTables.Change;
import eu.creditbridge.recognition.domain.agreement.AgreementTables.PendingChanges;
import eu.creditbridge.recognition.domain.agreement.AgreementTables.ProposedChange;
import eu.creditbridge.recognition.domain.agreement.AgreementTables.Table;
import eu.creditbridge.recognition.domain.agreement.LearningAgreement;
import eu.creditbridge.recognition.domain.agreement.TableComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * An EWP omobility-las get-response (any {@code stable-v1} minor version: elements are read by local name) as the
 * home institution's learning agreement. The home institution is the sending HEI, the partner the receiving HEI.
 * {@code first-version} is the approved agreement; {@code approved-changes} apply to it (components marked
 * {@code inserted} join, {@code deleted} leave); a {@code changes-proposal} is kept as pending and applies nothing.
 * The agreement covers results issued from the first day of its start month; it has no end, because results are
 * issued weeks after a mobility ends.
 */
public final class EwpLearningAgreementReader {

    private EwpLearningAgreementReader() {
    }

    public static LearningAgreement read(byte[] body, SchacCode home, EuropeanStudentIdentifier learner, String agreementId) {
        Document document = UntrustedXml.parse(body);
        Element root = document.getDocumentElement();
        if (!"omobility-las-get-response".equals(root.getLocalName())) {
            throw UnreadableDocument.because("Expected an EWP omobility-las-get-response, found <" + root.getLocalName() + ">.");
        }
        Element la = agreement(children(root, "la"), agreementId);
        SchacCode sending = hei(la, "sending-hei");
        SchacCode receiving = hei(la, "receiving-hei");
        if (!sending.equals(home)) {
            throw UnreadableDocument.because("This learning agreement's sending (home) institution is " + sending + ", not " + home
                    + ": the home institution records it, under its own path.");
        }
        Optional<String> globalId = path(la, "student").flatMap(student -> text(student, "global-id"));
        if (globalId.isPresent() && !globalId.get().equalsIgnoreCase(learner.value())) {
            throw UnreadableDocument.because("The agreement's student is " + globalId.get() + ", not the learner " + learner + " of the path.");
        }
        Element first = child(la, "first-version").orElseThrow(() -> UnreadableDocument.because(
                "The agreement has no first-version: nothing is approved yet, so nothing can be recognised as agreed."));
        List<TableComponent> studied = components(first, "components-studied");
        List<TableComponent> recognised = components(first, "components-recognized");
        for (Element approved : children(la, "approved-changes")) {
            List<ProposedChange> changes = changes(approved);
            studied = AgreementTables.applied(studied, changes, Table.STUDIED);
            recognised = AgreementTables.applied(recognised, changes, Table.RECOGNISED);
        }
        Optional<PendingChanges> pending = child(la, "changes-proposal")
                .map(proposal -> new PendingChanges(Optional.of(proposal.getAttribute("id")).filter(id -> !id.isBlank()).orElse("unnamed"),
                        changes(proposal)));
        Optional<LocalDate> from = text(la, "start-year-month").map(EwpLearningAgreementReader::firstDay);
        try {
            return LearningAgreement.ofTables(agreementId, home, learner, receiving, from, new AgreementTables(studied, recognised, pending));
        } catch (IllegalArgumentException e) {
            throw UnreadableDocument.because("The agreement cannot be recorded: " + e.getMessage());
        }
    }

    /** The {@code la} whose omobility-id is the path's id, or the only one. */
    private static Element agreement(List<Element> agreements, String agreementId) {
        if (agreements.isEmpty()) {
            throw UnreadableDocument.because("The response holds no learning agreement (<la>).");
        }
        Optional<Element> named = agreements.stream()
                .filter(la -> text(la, "omobility-id").map(agreementId::equals).orElse(false))
                .findFirst();
        if (named.isPresent()) {
            return named.get();
        }
        if (agreements.size() == 1) {
            return agreements.get(0);
        }
        throw UnreadableDocument.because("The response holds " + agreements.size() + " learning agreements and none has omobility-id "
                + agreementId + ".");
    }

    private static SchacCode hei(Element la, String name) {
        String heiId = path(la, name).flatMap(hei -> text(hei, "hei-id"))
                .orElseThrow(() -> UnreadableDocument.because("The agreement names no " + name + " (hei-id)."));
        try {
            return SchacCode.lenient(heiId);
        } catch (IllegalArgumentException e) {
            throw UnreadableDocument.because("The " + name + " id '" + heiId + "' is not a SCHAC code: " + e.getMessage());
        }
    }

    private static List<TableComponent> components(Element version, String table) {
        return child(version, table).map(list -> children(list, "component").stream().map(EwpLearningAgreementReader::component).toList())
                .orElse(List.of());
    }

    private static List<ProposedChange> changes(Element version) {
        List<ProposedChange> changes = new ArrayList<>();
        for (String table : List.of("components-studied", "components-recognized")) {
            Table which = table.equals("components-studied") ? Table.STUDIED : Table.RECOGNISED;
            for (Element component : child(version, table).map(list -> children(list, "component")).orElse(List.of())) {
                Change change = "deleted".equals(component.getAttribute("status").strip().toLowerCase(Locale.ROOT)) ? Change.DELETED
                        : Change.INSERTED;
                changes.add(new ProposedChange(change, which, component(component)));
            }
        }
        return changes;
    }

    private static TableComponent component(Element component) {
        String title = text(component, "title").orElseThrow(() -> UnreadableDocument.because("A component has no title."));
        EctsCredits credits = children(component, "credit").stream()
                .filter(credit -> text(credit, "scheme").map(scheme -> scheme.equalsIgnoreCase("ects")).orElse(false))
                .findFirst()
                .flatMap(credit -> text(credit, "value"))
                .map(value -> ects(title, value))
                .orElseThrow(() -> UnreadableDocument.because("Component '" + title + "' carries no ECTS credits."));
        return new TableComponent(text(component, "los-code"), text(component, "los-id"), title, credits);
    }

    private static EctsCredits ects(String title, String value) {
        try {
            return EctsCredits.rounded(new BigDecimal(value));
        } catch (IllegalArgumentException e) {
            throw UnreadableDocument.because("Component '" + title + "' has ECTS credits '" + value + "': " + e.getMessage());
        }
    }

    private static LocalDate firstDay(String yearMonth) {
        try {
            return YearMonth.parse(yearMonth).atDay(1);
        } catch (DateTimeParseException e) {
            throw UnreadableDocument.because("start-year-month '" + yearMonth + "' is not a year and month (2019-02).");
        }
    }
}
