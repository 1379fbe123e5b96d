package eu.creditbridge.registry.web.operations;

import eu.creditbridge.registry.application.operations.BrokerUnavailable;
import eu.creditbridge.registry.application.operations.DiscardingDeadLetter;
import eu.creditbridge.registry.application.operations.InspectingDeadLetters;
import eu.creditbridge.registry.application.operations.PipelineView;
import eu.creditbridge.registry.application.operations.ReplayingDeadLetter;
import eu.creditbridge.registry.application.operations.WatchingPipeline;
import eu.creditbridge.registry.config.OperationsProperties;
import eu.creditbridge.registry.domain.InvalidRegistryEntry;
import eu.creditbridge.registry.domain.operations.DeadLetterId;
import eu.creditbridge.registry.domain.operations.DeadLetterRefusal;
import eu.creditbridge.registry.web.operations.OperationsViews.ActionView;
import eu.creditbridge.registry.web.operations.OperationsViews.DeadLetterDetail;
import eu.creditbridge.registry.web.operations.OperationsViews.DeadLetterSummary;
import eu.creditbridge.security.AccessProperties;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator console's pages (Thymeleaf, htmx for the self-refreshing parts): the pipeline picture, the dead
 * letters, one dead letter with replay and discard, the audit trail.
 */
@Controller
class OperationsConsole {

    private static final String DEAD_LETTER = "/ops/dead-letters/{topic}/{partition}/{offset}";

    private final WatchingPipeline pipeline;
    private final InspectingDeadLetters inspecting;
    private final ReplayingDeadLetter replaying;
    private final DiscardingDeadLetter discarding;
    private final OperationsProperties properties;
    private final AccessProperties access;

    OperationsConsole(WatchingPipeline pipeline, InspectingDeadLetters inspecting, ReplayingDeadLetter replaying,
            DiscardingDeadLetter discarding, OperationsProperties properties, AccessProperties access) {
        this.pipeline = pipeline;
        this.inspecting = inspecting;
        this.replaying = replaying;
        this.discarding = discarding;
        this.properties = properties;
        this.access = access;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("consoleTitle", "CreditBridge operator console");
        model.addAttribute("consoleLead", "Watch the alliance's pipelines and handle dead letters.");
        model.addAttribute("providerLabel", "alliance");
        model.addAttribute("oidc", access.mode() == AccessProperties.Mode.OIDC);
        model.addAttribute("oidcLoginUrl", "/oauth2/authorization/" + access.oidc().registrationId());
        return "kit/sign-in";
    }

    @GetMapping({"/ops", "/ops/"})
    String pipelinePage(Model model, Principal operator) {
        model.addAttribute("operator", operator.getName());
        addPipeline(model);
        addDeadLetters(model);
        return "ops/pipeline";
    }

    /** The picture and figures alone, for htmx's refresh every few seconds. */
    @GetMapping("/ops/pipeline")
    String pipelineFragment(Model model) {
        addPipeline(model);
        return "ops/pipeline :: pipeline";
    }

    /**
     * The dead-letter list alone, for htmx's refresh. Answers 204 (htmx then leaves the page as it is) while no dead
     * letter arrived since {@code seen}, so a link an operator is about to click does not vanish under the pointer.
     */
    @GetMapping("/ops/dead-letters/fragment")
    Object deadLettersFragment(@RequestParam(required = false) Long seen, Model model) {
        if (seen != null && seen == deadLettersWritten(pipeline.view())) {
            return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
        }
        addDeadLetters(model);
        return "ops/pipeline :: dead-letters";
    }

    /** All dead letters, newest first, a page at a time ({@code page} 0 is the newest). */
    @GetMapping("/ops/dead-letters")
    String deadLettersPage(@RequestParam(defaultValue = "0") int page, Model model, Principal operator) {
        model.addAttribute("operator", operator.getName());
        int size = properties.deadLetterPageSize();
        int deepest = OperationsApi.DEEPEST_PAGE / size;
        int shown = Math.max(0, Math.min(page, deepest));
        long total = deadLettersWritten(pipeline.view());
        addDeadLetters(model, shown * size);
        model.addAttribute("page", shown);
        model.addAttribute("firstShown", (long) shown * size + 1);
        model.addAttribute("total", total);
        model.addAttribute("hasOlder", shown < deepest && (long) (shown + 1) * size < total);
        return "ops/dead-letters";
    }

    @GetMapping(DEAD_LETTER)
    String deadLetterPage(@PathVariable String topic, @PathVariable String partition, @PathVariable String offset,
            Model model, Principal operator) {
        model.addAttribute("operator", operator.getName());
        model.addAttribute("deadLetter", DeadLetterDetail.of(inspecting.inspect(DeadLetterPath.id(topic, partition, offset))));
        return "ops/dead-letter";
    }

    @PostMapping(DEAD_LETTER + "/replay")
    String replay(@PathVariable String topic, @PathVariable String partition, @PathVariable String offset,
            @RequestParam(required = false) String reason, @RequestParam(defaultValue = "false") boolean force,
            Principal operator, RedirectAttributes flash) {
        DeadLetterId id = DeadLetterPath.id(topic, partition, offset);
        try {
            var replayed = replaying.replay(id, operator.getName(), reason, force);
            flash.addFlashAttribute("flash", "Replayed to " + replayed.placement() + ".");
        } catch (DeadLetterRefusal.AlreadyHandled e) {
            flash.addFlashAttribute("flash", e.getMessage() + ".");
            flash.addFlashAttribute("flashKind", "error");
        }
        return "redirect:" + OperationsViews.path(id.topic(), id.partition(), id.offset());
    }

    @PostMapping(DEAD_LETTER + "/discard")
    String discard(@PathVariable String topic, @PathVariable String partition, @PathVariable String offset,
            @RequestParam(required = false) String reason, Principal operator, RedirectAttributes flash) {
        DeadLetterId id = DeadLetterPath.id(topic, partition, offset);
        try {
            discarding.discard(id, operator.getName(), reason);
            flash.addFlashAttribute("flash", "Discarded.");
        } catch (DeadLetterRefusal.AlreadyHandled e) {
            flash.addFlashAttribute("flash", e.getMessage() + ".");
            flash.addFlashAttribute("flashKind", "error");
        } catch (InvalidRegistryEntry e) {
            flash.addFlashAttribute("flash", "Not discarded: a discard needs a reason.");
            flash.addFlashAttribute("flashKind", "error");
        }
        return "redirect:" + OperationsViews.path(id.topic(), id.partition(), id.offset());
    }

    @GetMapping("/ops/audit")
    String auditPage(Model model, Principal operator) {
        model.addAttribute("operator", operator.getName());
        List<ActionView> actions = inspecting.recentActions(properties.auditPageSize()).stream().map(ActionView::of).toList();
        model.addAttribute("actions", actions);
        return "ops/audit";
    }

    private void addPipeline(Model model) {
        PipelineView view = pipeline.view();
        model.addAttribute("view", view);
        model.addAttribute("picture", PipelinePicture.of(view, properties.recognitionGroup(), properties.issuerGroup()));
        model.addAttribute("recognitionGroup", properties.recognitionGroup());
        model.addAttribute("issuerGroup", properties.issuerGroup());
    }

    private void addDeadLetters(Model model) {
        addDeadLetters(model, 0);
    }

    private void addDeadLetters(Model model, int skip) {
        model.addAttribute("deadLettersSeen", deadLettersWritten(pipeline.view()));
        List<DeadLetterSummary> deadLetters = List.of();
        try {
            deadLetters = inspecting.newest(skip, properties.deadLetterPageSize()).stream().map(DeadLetterSummary::of).toList();
        } catch (BrokerUnavailable e) {
            // The page still shows the last sample; only the list waits for the broker.
            model.addAttribute("deadLettersUnavailable", e.getMessage());
        }
        model.addAttribute("deadLetters", deadLetters);
    }

    private static long deadLettersWritten(PipelineView view) {
        return view.topics().stream().filter(PipelineView.TopicFigures::deadLetterTopic)
                .mapToLong(PipelineView.TopicFigures::written).sum();
    }
}
