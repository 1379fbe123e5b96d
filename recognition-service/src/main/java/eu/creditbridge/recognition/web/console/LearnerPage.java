package eu.creditbridge.recognition.web.console;

import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.application.RegistryView;
import eu.creditbridge.recognition.exchange.ElmoRecordWriter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import eu.creditbridge.recognition.application.review.LearnerView;
import eu.creditbridge.recognition.application.review.ViewingLearner;
import eu.creditbridge.recognition.domain.LearnerRecord;
import eu.creditbridge.recognition.domain.RecognisedComponent;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A learner's record at the institution: totals per category and per course, every component, decision history. */
@Controller
class LearnerPage {

    private final ViewingLearner viewing;
    private final RegistryView registry;
    private final Clock clock;

    LearnerPage(ViewingLearner viewing, RegistryView registry, Clock clock) {
        this.viewing = viewing;
        this.registry = registry;
        this.clock = clock;
    }

    /** The same record as the API's ELMO 2.0.0 export, as a file to hand on (EMREX, a national agency). */
    @GetMapping("/console/institutions/{schac}/learners/{learnerId}/elmo.xml")
    ResponseEntity<byte[]> elmo(@PathVariable String schac, @PathVariable String learnerId) {
        LearnerView view = view(schac, learnerId);
        String file = "elmo-" + view.institution().value() + "-" + view.learner().value().replaceAll("[^A-Za-z0-9._-]", "_") + ".xml";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(ElmoRecordWriter.write(view, registry::institution, clock.instant()));
    }

    private LearnerView view(String schac, String learnerId) {
        SchacCode institution = ConsolePaths.institution(schac);
        EuropeanStudentIdentifier learner = ConsolePaths.learner(learnerId);
        return viewing.learner(institution, learner).orElseThrow(() -> new PageNotFound(
                institution.value() + " knows no learner " + learner.value() + ": no credential of theirs has arrived here."));
    }

    @GetMapping("/console/institutions/{schac}/learners/{learnerId}")
    String learner(@PathVariable String schac, @PathVariable String learnerId, Model model) {
        LearnerView view = view(schac, learnerId);
        LearnerRecord record = view.record().orElse(LearnerRecord.empty(view.institution(), view.learner()));
        model.addAttribute("learnerId", view.learner().value());
        model.addAttribute("elmoDownload", "/console/institutions/" + view.institution().value() + "/learners/" + view.learner().value()
                + "/elmo.xml");
        model.addAttribute("totalEcts", ConsoleText.ects(record.totals().total()));
        model.addAttribute("perCategory", credits(record.totals().perCategory()));
        model.addAttribute("perCourse", credits(record.totals().perLocalCourse()));
        model.addAttribute("components", record.components().stream().map(ComponentRow::of).toList());
        model.addAttribute("decisions", view.decisions().stream().map(summary -> HistoryRow.of(summary, clock)).toList());
        return "console/learner";
    }

    private static List<Total> credits(Map<String, eu.creditbridge.kernel.EctsCredits> totals) {
        return totals.entrySet().stream().map(entry -> new Total(entry.getKey(), ConsoleText.ects(entry.getValue()))).toList();
    }

    record Total(String name, String ects) {
    }

    /** One decision in the learner's history, newest first. */
    record HistoryRow(String credentialId, String title, String outcome, String ects, String decidedBy, String when) {

        static HistoryRow of(eu.creditbridge.recognition.application.review.DecisionSummary summary, Clock clock) {
            ConsoleRows.DecisionRow row = ConsoleRows.of(summary, clock.instant());
            return new HistoryRow(row.credentialId(), row.title(), row.outcomeLabel(), row.recognisedEcts(), row.decidedBy(), row.decidedOn());
        }
    }

    /** One component as the table shows it: plain strings, so the template only places them. */
    record ComponentRow(String credentialId, String title, String issuer, String ects, String countsAs, String originalGrade,
                        String convertedGrade, String status, boolean counts, String recognisedOn, String withdrawal) {

        static ComponentRow of(RecognisedComponent component) {
            return new ComponentRow(component.credentialId().toString(), component.title(), component.issuingInstitution().value(),
                    ConsoleText.ects(component.credits()), component.target().describe(),
                    component.grade().original().map(ConsoleText::grade).orElse("—"),
                    component.grade().converted().map(ConsoleText::grade).orElse("—"),
                    component.counts() ? "Counts" : "Withdrawn", component.counts(), ConsoleText.date(component.recognisedAt()),
                    component.withdrawnAt().map(at -> ConsoleText.date(at) + component.withdrawalReason().map(r -> ": " + r).orElse(""))
                            .orElse(""));
        }
    }

}
