package eu.creditbridge.registry.web.operations;

import eu.creditbridge.registry.application.operations.DiscardingDeadLetter;
import eu.creditbridge.registry.application.operations.InspectingDeadLetters;
import eu.creditbridge.registry.application.operations.PipelineView;
import eu.creditbridge.registry.application.operations.ReplayingDeadLetter;
import eu.creditbridge.registry.application.operations.WatchingPipeline;
import eu.creditbridge.registry.config.OperationsProperties;
import eu.creditbridge.registry.web.operations.OperationsViews.ActionView;
import eu.creditbridge.registry.web.operations.OperationsViews.DeadLetterDetail;
import eu.creditbridge.registry.web.operations.OperationsViews.DeadLetterSummary;
import eu.creditbridge.registry.web.operations.OperationsViews.DiscardRequest;
import eu.creditbridge.registry.web.operations.OperationsViews.ReplayRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operator console's REST twin: the same figures and acts as JSON (HTTP Basic, OPERATOR or ADMIN). */
@Tag(name = "Operations", description = "The operator console's REST twin: pipeline figures and dead letters (operators and the admin only)")
@RestController
@RequestMapping("/api/ops")
class OperationsApi {

    private static final String DEAD_LETTER = "/dead-letters/{topic}/{partition}/{offset}";

    private final WatchingPipeline pipeline;
    private final InspectingDeadLetters inspecting;
    private final ReplayingDeadLetter replaying;
    private final DiscardingDeadLetter discarding;
    private final OperationsProperties properties;

    OperationsApi(WatchingPipeline pipeline, InspectingDeadLetters inspecting, ReplayingDeadLetter replaying,
            DiscardingDeadLetter discarding, OperationsProperties properties) {
        this.pipeline = pipeline;
        this.inspecting = inspecting;
        this.replaying = replaying;
        this.discarding = discarding;
        this.properties = properties;
    }

    /* Every page reads the dead letters newer than itself again; beyond this, the topic is the place to look. */
    static final int DEEPEST_PAGE = 10_000;

    @Operation(summary = "Pipeline figures",
            description = "Per topic: events, consumer lag and dead letters.")
    @GetMapping("/pipeline")
    PipelineView pipeline() {
        return pipeline.view();
    }

    /** Newest first; {@code skip} the newest ones for older pages (at most {@value #DEEPEST_PAGE} deep). */
    @Operation(summary = "List dead letters",
            description = "Newest first, with their reasons; skip the newest ones for older pages.")
    @GetMapping("/dead-letters")
    List<DeadLetterSummary> deadLetters(@RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer skip) {
        int size = limit == null ? properties.deadLetterPageSize() : Math.max(1, Math.min(limit, 500));
        int skipped = skip == null ? 0 : Math.max(0, Math.min(skip, DEEPEST_PAGE));
        return inspecting.newest(skipped, size).stream().map(DeadLetterSummary::of).toList();
    }

    @Operation(summary = "Read a dead letter",
            description = "The record, its headers and the reason it was refused.")
    @GetMapping(DEAD_LETTER)
    DeadLetterDetail deadLetter(@PathVariable String topic, @PathVariable String partition, @PathVariable String offset) {
        return DeadLetterDetail.of(inspecting.inspect(DeadLetterPath.id(topic, partition, offset)));
    }

    /** Replays to the original topic; 409 if already replayed or discarded, unless {@code force} (body or query). */
    @Operation(summary = "Replay a dead letter",
            description = "Sends it to its original topic again; 409 if already replayed or discarded, unless force. "
                    + "Audited.")
    @PostMapping(DEAD_LETTER + "/replay")
    Map<String, Object> replay(@PathVariable String topic, @PathVariable String partition, @PathVariable String offset,
            @RequestBody(required = false) ReplayRequest body, @RequestParam(required = false) Boolean force,
            Principal operator) {
        boolean forced = Boolean.TRUE.equals(force) || (body != null && Boolean.TRUE.equals(body.force()));
        var replayed = replaying.replay(DeadLetterPath.id(topic, partition, offset), operator.getName(),
                body == null ? null : body.reason(), forced);
        return Map.of("action", ActionView.of(replayed.action()),
                "replayedTo", Map.of("topic", replayed.placement().topic(), "partition", replayed.placement().partition(),
                        "offset", replayed.placement().offset()));
    }

    @Operation(summary = "Discard a dead letter",
            description = "Marks it discarded with a reason. Audited.")
    @PostMapping(DEAD_LETTER + "/discard")
    ActionView discard(@PathVariable String topic, @PathVariable String partition, @PathVariable String offset,
            @RequestBody DiscardRequest body, Principal operator) {
        return ActionView.of(discarding.discard(DeadLetterPath.id(topic, partition, offset), operator.getName(),
                body.reason()));
    }

    @Operation(summary = "Recent operator actions",
            description = "Replays and discards, newest first.")
    @GetMapping("/audit")
    List<ActionView> audit() {
        return inspecting.recentActions(properties.auditPageSize()).stream().map(ActionView::of).toList();
    }
}
