package eu.creditbridge.recognition.web;

import eu.creditbridge.kernel.DecisionId;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.application.review.ApprovingDecisionsInBulk;
import eu.creditbridge.recognition.application.review.BrowsingReviewQueue;
import eu.creditbridge.recognition.application.review.DecisionSummary;
import eu.creditbridge.recognition.application.review.QueueSelection;
import eu.creditbridge.recognition.application.review.ReviewQueueQuery;
import eu.creditbridge.recognition.application.review.ReviewResult;
import eu.creditbridge.recognition.application.review.ReviewingDecision;
import eu.creditbridge.recognition.application.review.SearchingRecords;
import eu.creditbridge.recognition.application.review.ViewingDecision;
import eu.creditbridge.recognition.application.review.ViewingLearner;
import eu.creditbridge.recognition.domain.review.Registrar;
import eu.creditbridge.recognition.domain.review.RegistrarAction;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Registrar review over REST: the queue, a decision with everything needed to act on it, the acts themselves
 * (approve, reject, ask, approve many), the audit trail, a learner's decisions, and search. Which institutions a
 * caller may reach is the security configuration's business; here the path's institution scopes every lookup,
 * so another institution's credential id under this path is simply not found.
 */
@RestController
@RequestMapping("/api/institutions/{schac}")
class ReviewController {

    private final BrowsingReviewQueue queue;
    private final ViewingDecision viewing;
    private final ReviewingDecision reviewing;
    private final ApprovingDecisionsInBulk bulk;
    private final ViewingLearner learners;
    private final SearchingRecords search;

    ReviewController(BrowsingReviewQueue queue, ViewingDecision viewing, ReviewingDecision reviewing, ApprovingDecisionsInBulk bulk,
                     ViewingLearner learners, SearchingRecords search) {
        this.queue = queue;
        this.viewing = viewing;
        this.reviewing = reviewing;
        this.bulk = bulk;
        this.learners = learners;
        this.search = search;
    }

    @GetMapping("/review-queue")
    ReviewQueueResponse reviewQueue(@PathVariable String schac,
                                    @RequestParam(defaultValue = "newest") String sort,
                                    @RequestParam(required = false) String partner,
                                    @RequestParam(required = false) String alliance,
                                    @RequestParam(required = false) String outcome,
                                    @RequestParam(required = false) String category,
                                    @RequestParam(required = false) Integer olderThanDays,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "" + ReviewQueueQuery.DEFAULT_SIZE) int size) {
        SchacCode institution = path("schac", schac, SchacCode::lenient);
        List<InvalidFields.Field> errors = new ArrayList<>();
        ReviewQueueQuery.Order order = field(errors, "sort", () -> switch (sort.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "newest" -> ReviewQueueQuery.Order.NEWEST;
            case "oldest" -> ReviewQueueQuery.Order.OLDEST;
            default -> throw new IllegalArgumentException("newest or oldest: '" + sort + "'");
        });
        Optional<SchacCode> partnerCode = blankIsAbsent(partner).map(value -> field(errors, "partner", () -> SchacCode.lenient(value)));
        QueueSelection selection = blankIsAbsent(outcome).map(value -> field(errors, "outcome", () -> QueueSelection.parse(value)))
                .orElse(QueueSelection.NEEDS_REVIEW);
        check(errors, "olderThanDays", olderThanDays == null || (olderThanDays >= 0 && olderThanDays <= 36_500), "0 to 36500 days");
        check(errors, "page", page >= 0, "0 or more (the first page is 0)");
        check(errors, "size", size >= 1 && size <= ReviewQueueQuery.MAXIMUM_SIZE, "1 to " + ReviewQueueQuery.MAXIMUM_SIZE);
        check(errors, "alliance", alliance == null || alliance.length() <= 100, "at most 100 characters");
        check(errors, "category", category == null || category.length() <= 100, "at most 100 characters");
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
        return ReviewQueueResponse.of(queue.browse(new ReviewQueueQuery(institution, partnerCode, blankIsAbsent(alliance), selection,
                blankIsAbsent(category), Optional.ofNullable(olderThanDays), order, page, size)));
    }

    @GetMapping("/decisions/{credentialId}")
    DecisionViewResponse decision(@PathVariable String schac, @PathVariable String credentialId) {
        DecisionId id = decisionId(schac, credentialId);
        return viewing.view(id).map(DecisionViewResponse::of).orElseThrow(() -> notDecided(id));
    }

    @GetMapping("/decisions/{credentialId}/audit")
    List<AuditEntryResponse> audit(@PathVariable String schac, @PathVariable String credentialId) {
        DecisionId id = decisionId(schac, credentialId);
        return viewing.audit(id).orElseThrow(() -> notDecided(id)).stream().map(AuditEntryResponse::of).toList();
    }

    @PostMapping("/decisions/{credentialId}/approval")
    ReviewActionResponse approve(@PathVariable String schac, @PathVariable String credentialId, @Valid @RequestBody ApprovalBody body,
                                 Principal principal) {
        DecisionId id = decisionId(schac, credentialId);
        RegistrarAction.Approve approval = orBadRequest("approval", body::toApproval);
        return done(reviewing.approve(id, registrar(principal), approval, Optional.ofNullable(body.expectedRevision())));
    }

    @PostMapping("/decisions/{credentialId}/rejection")
    ReviewActionResponse reject(@PathVariable String schac, @PathVariable String credentialId, @Valid @RequestBody RejectionBody body,
                                Principal principal) {
        DecisionId id = decisionId(schac, credentialId);
        RegistrarAction.Reject rejection = orBadRequest("reason", () -> new RegistrarAction.Reject(body.reason()));
        return done(reviewing.reject(id, registrar(principal), rejection, Optional.ofNullable(body.expectedRevision())));
    }

    @PostMapping("/decisions/{credentialId}/question")
    ReviewActionResponse ask(@PathVariable String schac, @PathVariable String credentialId, @Valid @RequestBody QuestionBody body,
                             Principal principal) {
        DecisionId id = decisionId(schac, credentialId);
        RegistrarAction.AskQuestion question = orBadRequest("question", () -> new RegistrarAction.AskQuestion(body.question()));
        return done(reviewing.ask(id, registrar(principal), question, Optional.ofNullable(body.expectedRevision())));
    }

    @PostMapping("/decisions/approvals")
    BulkApprovalResponse approveMany(@PathVariable String schac, @Valid @RequestBody BulkApprovalBody body, Principal principal) {
        SchacCode institution = path("schac", schac, SchacCode::lenient);
        return BulkApprovalResponse.of(orBadRequest("credentialIds",
                () -> bulk.approve(institution, body.credentialIds(), registrar(principal), Optional.ofNullable(body.reason()))));
    }

    @GetMapping("/learners/{learnerId}/decisions")
    List<DecisionSummaryResponse> learnerDecisions(@PathVariable String schac, @PathVariable String learnerId) {
        SchacCode institution = path("schac", schac, SchacCode::lenient);
        EuropeanStudentIdentifier learner = path("learnerId", learnerId, EuropeanStudentIdentifier::lenient);
        List<DecisionSummary> history = learners.history(institution, learner);
        if (history.isEmpty() && learners.learner(institution, learner).isEmpty()) {
            throw new NotFound(institution + " knows no learner " + learner);
        }
        return history.stream().map(DecisionSummaryResponse::of).toList();
    }

    @GetMapping("/search")
    SearchResponse search(@PathVariable String schac, @RequestParam(required = false) String q) {
        SchacCode institution = path("schac", schac, SchacCode::lenient);
        if (q != null && q.chars().anyMatch(Character::isISOControl)) {
            // A NUL cannot be part of a MongoDB pattern (found by the REST fuzz test: it was a 500).
            throw new InvalidPathValue("q", "must not contain control characters");
        }
        return SearchResponse.of(orBadRequest("q", () -> search.search(institution, q)));
    }

    /** Maps what the use case answered to the response, or to the problem it is. */
    private static ReviewActionResponse done(ReviewResult result) {
        if (result instanceof ReviewResult.Revised revised) {
            return ReviewActionResponse.of(revised);
        }
        if (result instanceof ReviewResult.NotFound notFound) {
            throw notDecided(notFound.id());
        }
        if (result instanceof ReviewResult.Conflict conflict) {
            throw new RevisionConflict("Decision " + conflict.id() + " is at revision " + conflict.currentRevision() + ", not "
                    + conflict.expectedRevision() + ": it changed meanwhile. Reload it and decide again.",
                    conflict.expectedRevision(), conflict.currentRevision());
        }
        ReviewResult.NotAllowed notAllowed = (ReviewResult.NotAllowed) result;
        if (notAllowed.field().isPresent()) {
            throw new InvalidFields(List.of(new InvalidFields.Field(notAllowed.field().get(), notAllowed.explanation())));
        }
        throw new ActionRefused(notAllowed.refusal().name(), notAllowed.explanation());
    }

    /** Without security (tests, a bare run) nobody is signed in; the security configuration makes that impossible on /api. */
    private static Registrar registrar(Principal principal) {
        return Registrar.of(principal == null ? "anonymous" : principal.getName());
    }

    private static DecisionId decisionId(String schac, String credentialId) {
        SchacCode institution = path("schac", schac, SchacCode::lenient);
        UUID credential = path("credentialId", credentialId, UUID::fromString);
        return new DecisionId(credential, institution);
    }

    private static NotFound notDecided(DecisionId id) {
        return new NotFound(id.receivingInstitution() + " has not decided on credential " + id.credentialId());
    }

    private static Optional<String> blankIsAbsent(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(text -> !text.isEmpty());
    }

    private static void check(List<InvalidFields.Field> errors, String field, boolean valid, String message) {
        if (!valid) {
            errors.add(new InvalidFields.Field(field, message));
        }
    }

    private static <T> T path(String field, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidPathValue(field, e.getMessage());
        }
    }

    /** Collects a refused value into {@code errors}, returning null. */
    private static <T> T field(List<InvalidFields.Field> errors, String name, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            errors.add(new InvalidFields.Field(name, e.getMessage()));
            return null;
        }
    }

    /** A value the domain refuses is a 400 at once, naming the field. */
    private static <T> T orBadRequest(String name, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidFields(List.of(new InvalidFields.Field(name, e.getMessage())));
        }
    }
}
