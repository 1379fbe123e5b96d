package eu.creditbridge.recognition.web.console;

import eu.creditbridge.kernel.DecisionId;
import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.application.review.DecisionView;
import eu.creditbridge.recognition.application.review.ReviewResult;
import eu.creditbridge.recognition.application.review.ReviewingDecision;
import eu.creditbridge.recognition.application.review.ViewingDecision;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.Decision;
import eu.creditbridge.recognition.domain.RecognitionTarget;
import eu.creditbridge.recognition.domain.review.ActionKind;
import eu.creditbridge.recognition.domain.review.AuditEntry;
import eu.creditbridge.recognition.domain.review.Registrar;
import eu.creditbridge.recognition.domain.review.RegistrarAction;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One decision: the credential with every element, its signature, the rule trace in plain words, the suggestion,
 * the learner's record, the audit trail — and the registrar's three acts. Each act posts, then redirects
 * (post/redirect/get): to the queue when it worked, back to this page with the reason when it did not.
 */
@Controller
class DecisionPage {

    private final ViewingDecision viewing;
    private final ReviewingDecision reviewing;
    private final Clock clock;

    DecisionPage(ViewingDecision viewing, ReviewingDecision reviewing, Clock clock) {
        this.viewing = viewing;
        this.reviewing = reviewing;
        this.clock = clock;
    }

    record Element(String name, String value) {
    }

    record TraceStep(String step, boolean decisive, String explanation) {
    }

    record AuditRow(String when, String who, String action, List<String> changes, String why, int revision) {
    }

    @GetMapping("/console/institutions/{schac}/decisions/{credentialId}")
    String decision(@PathVariable String schac, @PathVariable String credentialId, Model model) {
        DecisionId id = id(schac, credentialId);
        DecisionView view = viewing.view(id).orElseThrow(() -> new PageNotFound(
                id.receivingInstitution().value() + " has no decision on credential " + id.credentialId() + "."));
        Decision concluded = view.decision().decision();
        model.addAttribute("row", ConsoleRows.of(view.summary(), clock.instant()));
        model.addAttribute("revision", view.summary().revision());
        model.addAttribute("outcomeLabel", ConsoleRows.label(view.summary()));
        model.addAttribute("outcome", view.summary().status().name().equals("ASKED") ? "ASKED" : concluded.outcome().name());
        model.addAttribute("revoked", view.revoked());
        model.addAttribute("published", view.published());
        model.addAttribute("elements", elements(view));
        model.addAttribute("signatureStatus", view.signature().status().name());
        model.addAttribute("signatureValid", view.signature().status().name().equals("VALID"));
        model.addAttribute("signatureReason", view.signature().reason());
        model.addAttribute("trace", concluded.reasons().stream()
                .map(reason -> new TraceStep(reason.step(), reason.decisive(), reason.explanation())).toList());
        model.addAttribute("rulesetVersion", concluded.rulesetVersion().map(String::valueOf).orElse(null));
        model.addAttribute("suggestion", view.summary().suggestion().orElse(null));
        model.addAttribute("suggestionText", view.summary().suggestion()
                .map(s -> ConsoleText.ects(s.credits()) + " ECTS as " + s.target().describe()).orElse(null));
        model.addAttribute("countsAs", concluded.target().map(RecognitionTarget::describe).orElse("nothing yet"));
        model.addAttribute("recognisedEcts", ConsoleText.ects(concluded.recognisedCredits()));
        model.addAttribute("originalGrade", concluded.grade().original().map(ConsoleText::grade).orElse("no grade"));
        model.addAttribute("convertedGrade", concluded.grade().converted().map(ConsoleText::grade).orElse("not converted"));
        model.addAttribute("conversionMethod", concluded.grade().method().name().toLowerCase().replace('_', ' '));
        model.addAttribute("learnerTotal", view.learnerRecord().map(record -> ConsoleText.ects(record.totals().total())).orElse("0"));
        model.addAttribute("learnerComponents", view.learnerRecord().map(record -> record.components().size()).orElse(0));
        model.addAttribute("learnerCategories", view.learnerRecord()
                .map(record -> record.totals().perCategory().entrySet().stream()
                        .map(entry -> entry.getKey() + ": " + ConsoleText.ects(entry.getValue()) + " ECTS").toList())
                .orElse(List.of()));
        model.addAttribute("audit", view.audit().stream().map(DecisionPage::auditRow).toList());
        model.addAttribute("mayApprove", view.allowedActions().contains(ActionKind.APPROVED));
        model.addAttribute("mayReject", view.allowedActions().contains(ActionKind.REJECTED));
        model.addAttribute("mayAsk", view.allowedActions().contains(ActionKind.ASKED));
        return "console/decision";
    }

    @PostMapping("/console/institutions/{schac}/decisions/{credentialId}/approval")
    String approve(@PathVariable String schac, @PathVariable String credentialId, @RequestParam(defaultValue = "") String targetCourse,
                   @RequestParam(defaultValue = "") String targetCategory, @RequestParam(defaultValue = "") String credits,
                   @RequestParam(defaultValue = "") String convertedGrade, @RequestParam(defaultValue = "") String reason,
                   @RequestParam(defaultValue = "false") boolean signatureOverride,
                   @RequestParam(required = false) Integer revision, Authentication authentication, RedirectAttributes redirect) {
        DecisionId id = id(schac, credentialId);
        RegistrarAction.Approve approval;
        try {
            Optional<RecognitionTarget> target = !targetCourse.isBlank()
                    ? Optional.of(RecognitionTarget.localCourse(targetCourse.strip(), Optional.empty()))
                    : !targetCategory.isBlank() ? Optional.of(RecognitionTarget.creditCategory(targetCategory.strip())) : Optional.empty();
            Optional<EctsCredits> ects = credits.isBlank() ? Optional.empty() : Optional.of(EctsCredits.rounded(new BigDecimal(credits.strip())));
            approval = new RegistrarAction.Approve(target, ects, text(convertedGrade), text(reason), signatureOverride);
        } catch (IllegalArgumentException e) {
            return refused(id, redirect, "Not approved: " + e.getMessage());
        }
        return outcome(id, reviewing.approve(id, registrar(authentication), approval, Optional.ofNullable(revision)), redirect, "Approved");
    }

    @PostMapping("/console/institutions/{schac}/decisions/{credentialId}/rejection")
    String reject(@PathVariable String schac, @PathVariable String credentialId, @RequestParam(defaultValue = "") String reason,
                  @RequestParam(required = false) Integer revision, Authentication authentication, RedirectAttributes redirect) {
        DecisionId id = id(schac, credentialId);
        RegistrarAction.Reject rejection;
        try {
            rejection = new RegistrarAction.Reject(reason);
        } catch (IllegalArgumentException e) {
            return refused(id, redirect, "Not rejected: give the reason the learner and the partner will read.");
        }
        return outcome(id, reviewing.reject(id, registrar(authentication), rejection, Optional.ofNullable(revision)), redirect, "Rejected");
    }

    @PostMapping("/console/institutions/{schac}/decisions/{credentialId}/question")
    String ask(@PathVariable String schac, @PathVariable String credentialId, @RequestParam(defaultValue = "") String question,
               @RequestParam(required = false) Integer revision, Authentication authentication, RedirectAttributes redirect) {
        DecisionId id = id(schac, credentialId);
        RegistrarAction.AskQuestion asking;
        try {
            asking = new RegistrarAction.AskQuestion(question);
        } catch (IllegalArgumentException e) {
            return refused(id, redirect, "No question sent: write the question first.");
        }
        ReviewResult result = reviewing.ask(id, registrar(authentication), asking, Optional.ofNullable(revision));
        if (result instanceof ReviewResult.Revised) {
            QueuePage.flash(redirect, "success", "Question sent. The decision stays in the queue, marked as asked.");
            return page(id);
        }
        return outcome(id, result, redirect, "Asked");
    }

    private String outcome(DecisionId id, ReviewResult result, RedirectAttributes redirect, String done) {
        if (result instanceof ReviewResult.Revised revised) {
            QueuePage.flash(redirect, "success", done + ": " + revised.decision().credentialTitle() + " for "
                    + revised.decision().learner().value() + ". The learner record and the partner are updated.");
            return "redirect:/console/institutions/" + id.receivingInstitution().value() + "/queue";
        }
        if (result instanceof ReviewResult.NotAllowed notAllowed) {
            return refused(id, redirect, "Not done: " + notAllowed.explanation());
        }
        if (result instanceof ReviewResult.Conflict conflict) {
            return refused(id, redirect, "Someone changed this decision while you were reading it (now revision "
                    + conflict.currentRevision() + "). Here it is as it stands; please check and act again.");
        }
        throw new PageNotFound(id.receivingInstitution().value() + " has no decision on credential " + id.credentialId() + ".");
    }

    private String refused(DecisionId id, RedirectAttributes redirect, String message) {
        QueuePage.flash(redirect, "error", message);
        return page(id);
    }

    private static String page(DecisionId id) {
        return "redirect:/console/institutions/" + id.receivingInstitution().value() + "/decisions/" + id.credentialId();
    }

    private static DecisionId id(String schac, String credentialId) {
        SchacCode institution = ConsolePaths.institution(schac);
        UUID credential = ConsolePaths.credential(credentialId);
        return new DecisionId(credential, institution);
    }

    private static Registrar registrar(Authentication authentication) {
        return Registrar.of(authentication.getName());
    }

    private static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static List<Element> elements(DecisionView view) {
        List<Element> elements = new ArrayList<>();
        String issuer = view.partner().map(partner -> partner.name() + " (" + partner.schacCode().value() + ")")
                .orElse(view.summary().partner().value());
        elements.add(new Element("Issued by", issuer));
        elements.add(new Element("Title", view.summary().credentialTitle()));
        Optional<Credential> credential = view.credential();
        credential.flatMap(Credential::sourceCourseCode).ifPresent(code -> elements.add(new Element("Course code at the partner", code)));
        elements.add(new Element("Learner", view.summary().learner().value()));
        credential.ifPresent(c -> elements.add(new Element("Issued on", c.issuedOn().toString())));
        elements.add(new Element("Workload", ConsoleText.ects(view.summary().originalCredits()) + " ECTS"));
        credential.ifPresent(c -> elements.add(new Element("Level", c.eqfLevel().map(level -> "EQF " + level).orElse("not stated"))));
        credential.ifPresent(c -> elements.add(new Element("Grade", c.grade().map(ConsoleText::grade).orElse("no grade"))));
        credential.ifPresent(c -> {
            var stated = c.elements();
            elements.add(new Element("Assessment", words(stated.assessmentType())));
            elements.add(new Element("Identity verification", words(stated.identityVerification())));
            elements.add(new Element("Quality assurance", words(stated.qualityAssurance())));
            elements.add(new Element("Participation", words(stated.participationForm())));
            elements.add(new Element("Field of study (ISCED-F)", stated.iscedField().orElse("not stated")));
        });
        if (credential.isEmpty()) {
            elements.add(new Element("Other elements", "not kept for this decision (decided before credentials were stored)"));
        }
        return elements;
    }

    /** WRITTEN_EXAM → written exam. */
    private static String words(Optional<String> symbol) {
        return symbol.map(value -> value.toLowerCase().replace('_', ' ')).orElse("not stated");
    }

    private static AuditRow auditRow(AuditEntry entry) {
        List<String> changes = entry.changes().stream()
                .map(change -> change.field() + ": " + change.before().orElse("—") + " → " + change.after().orElse("—")).toList();
        String action = switch (entry.action()) {
            case APPROVED -> "Approved";
            case REJECTED -> "Rejected";
            case ASKED -> "Asked a question";
            case REOPENED -> "Sent back to review (key compromised)";
        };
        return new AuditRow(ConsoleText.moment(entry.at()), entry.registrar().username(), action, changes, entry.why().orElse(""),
                entry.revision());
    }
}
