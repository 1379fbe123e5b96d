package eu.creditbridge.recognition.web.console;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.application.RegistryView;
import eu.creditbridge.recognition.application.review.ApprovingDecisionsInBulk;
import eu.creditbridge.recognition.application.review.BrowsingReviewQueue;
import eu.creditbridge.recognition.application.review.QueueSelection;
import eu.creditbridge.recognition.application.review.ReviewQueuePage;
import eu.creditbridge.recognition.application.review.ReviewQueueQuery;
import eu.creditbridge.recognition.domain.review.Registrar;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
 * The review queue: what awaits a registrar, filtered and sorted, with counts; select many and approve them as
 * suggested in one go. Filters are plain GET parameters, so the page works without JavaScript; htmx only swaps the
 * results in place when a filter changes.
 */
@Controller
class QueuePage {

    private final BrowsingReviewQueue queue;
    private final ApprovingDecisionsInBulk bulk;
    private final RegistryView registry;
    private final Clock clock;

    QueuePage(BrowsingReviewQueue queue, ApprovingDecisionsInBulk bulk, RegistryView registry, Clock clock) {
        this.queue = queue;
        this.bulk = bulk;
        this.registry = registry;
        this.clock = clock;
    }

    /** The filters as the form holds them (strings, so a mistyped one is shown back, not lost). */
    record Filters(String partner, String alliance, String outcome, String category, String olderThanDays, String sort, int page) {
    }

    record PartnerCount(String schac, String name, long count) {
    }

    @GetMapping("/console/institutions/{schac}/queue")
    String queue(@PathVariable String schac, @RequestParam(defaultValue = "") String partner,
                 @RequestParam(defaultValue = "") String alliance, @RequestParam(defaultValue = "needs_review") String outcome,
                 @RequestParam(defaultValue = "") String category, @RequestParam(defaultValue = "") String olderThanDays,
                 @RequestParam(defaultValue = "newest") String sort, @RequestParam(defaultValue = "0") int page, Model model) {
        SchacCode institution = ConsolePaths.institution(schac);
        Filters filters = new Filters(partner.strip(), alliance.strip(), outcome.strip(), category.strip(), olderThanDays.strip(),
                sort.strip(), Math.max(page, 0));
        model.addAttribute("filters", filters);
        model.addAttribute("selections", Arrays.stream(QueueSelection.values()).map(QueueSelection::name).toList());
        ReviewQueueQuery query;
        try {
            query = new ReviewQueueQuery(institution, optional(filters.partner()).map(SchacCode::lenient), optional(filters.alliance()),
                    QueueSelection.parse(filters.outcome().isEmpty() ? "needs_review" : filters.outcome()), optional(filters.category()),
                    optional(filters.olderThanDays()).map(Integer::valueOf),
                    "oldest".equalsIgnoreCase(filters.sort()) ? ReviewQueueQuery.Order.OLDEST : ReviewQueueQuery.Order.NEWEST,
                    filters.page(), ReviewQueueQuery.DEFAULT_SIZE);
        } catch (IllegalArgumentException e) {
            model.addAttribute("flash", "Those filters do not work: " + e.getMessage() + ". Showing everything that needs review.");
            model.addAttribute("flashKind", "error");
            query = ReviewQueueQuery.of(institution);
        }
        ReviewQueuePage result = queue.browse(query);
        model.addAttribute("counts", result.counts());
        model.addAttribute("outcomeCounts", labelled(result.counts().byOutcome()));
        model.addAttribute("partnerCounts", result.counts().byPartner().entrySet().stream()
                .map(entry -> new PartnerCount(entry.getKey(), registry.institution(SchacCode.of(entry.getKey()))
                        .map(known -> known.name()).orElse(entry.getKey()), entry.getValue())).toList());
        model.addAttribute("rows", result.items().stream().map(summary -> ConsoleRows.of(summary, clock.instant())).toList());
        model.addAttribute("totalPages", result.totalPages());
        model.addAttribute("page", query.page());
        model.addAttribute("defaultQueue", query.selection() == QueueSelection.NEEDS_REVIEW && query.partner().isEmpty()
                && query.alliance().isEmpty() && query.category().isEmpty() && query.olderThanDays().isEmpty());
        return "console/queue";
    }

    @PostMapping("/console/institutions/{schac}/decisions/approvals")
    String approveSelected(@PathVariable String schac, @RequestParam(required = false) List<String> credentialIds,
                           @RequestParam(defaultValue = "") String reason, Authentication authentication,
                           RedirectAttributes redirect) {
        SchacCode institution = ConsolePaths.institution(schac);
        String back = "redirect:/console/institutions/" + institution.value() + "/queue";
        if (credentialIds == null || credentialIds.isEmpty()) {
            flash(redirect, "error", "Select at least one decision to approve.");
            return back;
        }
        List<UUID> ids = new ArrayList<>();
        for (String id : credentialIds) {
            ids.add(ConsolePaths.credential(id));
        }
        ApprovingDecisionsInBulk.BulkApproval result;
        try {
            result = bulk.approve(institution, ids, Registrar.of(authentication.getName()), optional(reason));
        } catch (IllegalArgumentException e) {
            flash(redirect, "error", "Nothing was approved: " + e.getMessage());
            return back;
        }
        Map<ApprovingDecisionsInBulk.Status, Long> counts = result.counts();
        long approved = counts.getOrDefault(ApprovingDecisionsInBulk.Status.APPROVED, 0L);
        long notDone = result.items().size() - approved;
        String message = "Approved " + approved + (approved == 1 ? " decision" : " decisions") + " as suggested.";
        if (notDone > 0) {
            message += " " + notDone + " could not be approved: " + result.items().stream()
                    .filter(item -> item.status() != ApprovingDecisionsInBulk.Status.APPROVED)
                    .map(item -> item.explanation().orElse(item.status().name().toLowerCase().replace('_', ' ')))
                    .distinct().reduce((a, b) -> a + "; " + b).orElse("");
        }
        flash(redirect, notDone > 0 ? "error" : "success", message);
        return back;
    }

    private static List<Map.Entry<String, Long>> labelled(Map<String, Long> counts) {
        return counts.entrySet().stream().filter(entry -> entry.getValue() > 0)
                .map(entry -> Map.entry(label(entry.getKey()), entry.getValue())).toList();
    }

    private static String label(String outcome) {
        return switch (outcome) {
            case "ASKED" -> "Question asked";
            case "NEEDS_REVIEW" -> "Needs review";
            case "RECOGNISED" -> "Recognised";
            case "PARTIALLY_RECOGNISED" -> "Partially recognised";
            case "REJECTED" -> "Rejected";
            case "WITHDRAWN" -> "Withdrawn";
            default -> outcome;
        };
    }

    static void flash(RedirectAttributes redirect, String kind, String message) {
        redirect.addFlashAttribute("flash", message);
        redirect.addFlashAttribute("flashKind", kind);
    }

    private static Optional<String> optional(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
