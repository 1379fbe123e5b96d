package eu.creditbridge.recognition.web.console;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.application.review.SearchingRecords;
import java.time.Clock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Search by learner id (ESI), credential id, or course code or title — within the institution only. */
@Controller
class SearchPage {

    private final SearchingRecords searching;
    private final Clock clock;

    SearchPage(SearchingRecords searching, Clock clock) {
        this.searching = searching;
        this.clock = clock;
    }

    @GetMapping("/console/institutions/{schac}/search")
    String search(@PathVariable String schac, @RequestParam(defaultValue = "") String q, Model model) {
        SchacCode institution = ConsolePaths.institution(schac);
        model.addAttribute("q", q);
        model.addAttribute("searched", false);
        if (q.isBlank()) {
            return "console/search";
        }
        try {
            SearchingRecords.SearchResults results = searching.search(institution, q);
            model.addAttribute("searched", true);
            model.addAttribute("kind", switch (results.kind()) {
                case CREDENTIAL_ID -> "credential id";
                case LEARNER_ID -> "learner id";
                case COURSE -> "course code or title";
            });
            model.addAttribute("rows", results.decisions().stream().map(summary -> ConsoleRows.of(summary, clock.instant())).toList());
            model.addAttribute("learners", results.learners().stream().map(learner -> learner.value()).toList());
        } catch (IllegalArgumentException e) {
            model.addAttribute("flash", "Cannot search for that: " + e.getMessage());
            model.addAttribute("flashKind", "error");
        }
        return "console/search";
    }
}
