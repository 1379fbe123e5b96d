package eu.creditbridge.recognition.application.review;

import eu.creditbridge.kernel.DecisionId;
import eu.creditbridge.recognition.application.RecognitionMetrics;
import eu.creditbridge.recognition.application.RevisionCause;
import eu.creditbridge.recognition.application.RevocationStore;
import eu.creditbridge.recognition.application.review.ReviewStore.ReviewedDecision;
import eu.creditbridge.recognition.domain.Institution;
import eu.creditbridge.recognition.domain.review.Registrar;
import eu.creditbridge.recognition.domain.review.RegistrarAction;
import eu.creditbridge.recognition.domain.review.ReviewCase;
import eu.creditbridge.recognition.domain.review.ReviewPolicy;
import eu.creditbridge.recognition.domain.review.ReviewVerdict;
import java.time.Clock;
import java.util.Optional;

/**
 * A registrar approves, rejects, or sends back with a question one decision awaiting them.
 * <ol>
 *   <li>Read the decision; a revision other than the one the registrar saw is a conflict.</li>
 *   <li>{@link ReviewPolicy} judges the action (state, revocation, credits, target, grade) and forms the next
 *       revision with its audit entry. Nothing is written when it refuses.</li>
 *   <li>Write it in ONE conditional update of the decision's document (still at that revision, still awaiting a
 *       registrar): revision + 1, the new outcome decided by REGISTRAR, the audit entry pushed, outbox and
 *       follow-up marks set. A concurrent change makes it match nothing: a conflict, nothing half-applied.</li>
 *   <li>Count it (metrics), then {@link CompletingRegistrarActions}: learner record, revocation check, publication
 *       of the revised {@code RecognitionDecided} — each idempotent, and re-driven by a relay after a crash.</li>
 * </ol>
 */
public class ReviewingDecision {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReviewingDecision.class);

    private final ReviewStore reviews;
    private final RevocationStore revocations;
    private final ReviewContext context;
    private final CompletingRegistrarActions completing;
    private final ReviewPolicy policy = new ReviewPolicy();
    private final Clock clock;
    private final RecognitionMetrics metrics;

    public ReviewingDecision(ReviewStore reviews, RevocationStore revocations, eu.creditbridge.recognition.application.RegistryView registry,
                             eu.creditbridge.recognition.domain.agreement.LearningAgreements agreements, CompletingRegistrarActions completing,
                             Clock clock, RecognitionMetrics metrics) {
        this.reviews = reviews;
        this.revocations = revocations;
        this.context = new ReviewContext(registry, agreements);
        this.completing = completing;
        this.clock = clock;
        this.metrics = metrics;
    }

    public ReviewResult approve(DecisionId id, Registrar registrar, RegistrarAction.Approve approval, Optional<Integer> expectedRevision) {
        return act(id, registrar, approval, expectedRevision);
    }

    public ReviewResult reject(DecisionId id, Registrar registrar, RegistrarAction.Reject rejection, Optional<Integer> expectedRevision) {
        return act(id, registrar, rejection, expectedRevision);
    }

    public ReviewResult ask(DecisionId id, Registrar registrar, RegistrarAction.AskQuestion question, Optional<Integer> expectedRevision) {
        return act(id, registrar, question, expectedRevision);
    }

    /**
     * @param expectedRevision the revision the registrar saw; empty acts on the revision read now (a concurrent
     *                         change between this read and the write is still a conflict)
     */
    public ReviewResult act(DecisionId id, Registrar registrar, RegistrarAction action, Optional<Integer> expectedRevision) {
        Optional<ReviewedDecision> found = reviews.find(id);
        if (found.isEmpty()) {
            return new ReviewResult.NotFound(id);
        }
        ReviewedDecision current = found.get();
        int revision = current.decision().revision();
        if (expectedRevision.isPresent() && expectedRevision.get() != revision) {
            return new ReviewResult.Conflict(id, expectedRevision.get(), revision);
        }
        ReviewCase reviewCase = new ReviewCase(current.decision(), current.openQuestion(), revocations.find(id, current.decision().issuingInstitution()).isPresent(),
                context.suggestion(current), context.institution(id.receivingInstitution()).map(Institution::gradingScheme));
        ReviewVerdict verdict = policy.review(reviewCase, action, registrar, clock.instant());
        if (verdict instanceof ReviewVerdict.Refused refused) {
            return new ReviewResult.NotAllowed(id, refused.refusal(), refused.field(), refused.explanation());
        }
        ReviewVerdict.Revised revised = (ReviewVerdict.Revised) verdict;
        Optional<ReviewedDecision> written = reviews.revise(current.decision(), revised);
        if (written.isEmpty()) {
            return reviews.find(id)
                    .<ReviewResult>map(now -> new ReviewResult.Conflict(id, revision, now.decision().revision()))
                    .orElseGet(() -> new ReviewResult.NotFound(id));
        }
        metrics.decisionRevised(written.get().decision(), RevisionCause.REGISTRAR);
        ReviewedDecision completed;
        try {
            completed = completing.complete(written.get());
        } catch (RuntimeException e) {
            // The revision stands (it is written, with its follow-up mark); the relay completes the rest.
            log.warn("Registrar revision {} of {} stored; its follow-up is left to the relay: {}", revised.next().revision(), id, e.toString());
            completed = written.get();
        }
        return new ReviewResult.Revised(context.summary(completed), revised.entry());
    }
}
