package eu.creditbridge.recognition.application.review;

import eu.creditbridge.recognition.application.PublishingDecisions;
import eu.creditbridge.recognition.application.ReversingRecognition;
import eu.creditbridge.recognition.domain.Outcome;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.domain.Revocation;
import eu.creditbridge.recognition.application.LearnerRecordStore;
import eu.creditbridge.recognition.application.review.ReviewStore.ReviewedDecision;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps after a registrar's revision was written, each safe to repeat, so a crash anywhere is repaired by
 * running them again (inline right after the write, and from the relay for what a crash left):
 * <ol>
 *   <li>approved: the component is added to the learner record in one conditional update (only if the credential
 *       is not there yet), exactly as for a decision of the rules; rejected: a component that counts is withdrawn
 *       (conditional on it still counting); sent back to review (a compromised key, {@code ReopeningOnCompromisedKey}):
 *       the same withdrawal;</li>
 *   <li>a revocation recorded meanwhile reverses the approval at once, as {@code RecognisingCredential} does;</li>
 *   <li>the follow-up mark is cleared, only for the revision it was set for;</li>
 *   <li>the revision is published through the outbox if unpublished (its own relay repairs a broker failure).</li>
 * </ol>
 */
public class CompletingRegistrarActions {

    private static final Logger log = LoggerFactory.getLogger(CompletingRegistrarActions.class);

    private final ReviewStore reviews;
    private final LearnerRecordStore learnerRecords;
    private final eu.creditbridge.recognition.application.RevocationStore revocations;
    private final ReversingRecognition reversing;
    private final PublishingDecisions publishing;
    private final Clock clock;

    public CompletingRegistrarActions(ReviewStore reviews, LearnerRecordStore learnerRecords,
                                      eu.creditbridge.recognition.application.RevocationStore revocations, ReversingRecognition reversing,
                                      PublishingDecisions publishing, Clock clock) {
        this.reviews = reviews;
        this.learnerRecords = learnerRecords;
        this.revocations = revocations;
        this.reversing = reversing;
        this.publishing = publishing;
        this.clock = clock;
    }

    /** @return the decision as it stands afterwards (withdrawn, if a revocation overtook the approval) */
    public ReviewedDecision complete(ReviewedDecision revised) {
        RecognitionDecision decision = revised.decision();
        if (revised.followUpPending()) {
            if (decision.outcome().countsCredits()) {
                learnerRecords.recognise(decision);
                Optional<Revocation> revoked = revocations.find(decision.id(), decision.issuingInstitution());
                if (revoked.isPresent()) {
                    reversing.reverse(revoked.get());
                }
            } else if (decision.outcome() == Outcome.REJECTED) {
                learnerRecords.withdraw(decision.id(), decision.learner(), "rejected by registrar "
                        + decision.registrar().orElse("(unknown)"), decision.decidedAt());
            } else if (decision.outcome() == Outcome.NEEDS_REVIEW) {
                // Back in review (a compromised key re-opened a recognition): what it counted no longer counts.
                // Asking a question never counted anything, so this matches nothing there.
                learnerRecords.withdraw(decision.id(), decision.learner(), "sent back to review: "
                        + decision.decision().decisiveReason().map(r -> r.step()).orElse("review"), decision.decidedAt());
            }
            reviews.followedUp(decision.id(), revised.followUpRevision());
        }
        ReviewedDecision now = reviews.find(decision.id()).orElse(revised);
        publishing.publishIfPending(now.stored());
        return reviews.find(decision.id()).orElse(now);
    }

    /**
     * Completes registrar revisions left half-done for longer than {@code minimumAge} (which keeps the relay off
     * an action completing inline right now).
     *
     * @return how many were found
     */
    public int relay(Duration minimumAge, int batchSize) {
        List<ReviewedDecision> pending = reviews.awaitingFollowUp(clock.instant().minus(minimumAge), batchSize);
        for (ReviewedDecision each : pending) {
            try {
                complete(each);
            } catch (RuntimeException e) {
                log.warn("Registrar revision {} of {} not completed yet, retried on the next run: {}", each.followUpRevision(),
                        each.decision().id(), e.toString());
            }
        }
        return pending.size();
    }
}
