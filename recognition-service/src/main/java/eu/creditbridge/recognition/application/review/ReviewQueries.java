package eu.creditbridge.recognition.application.review;

import eu.creditbridge.kernel.DecisionId;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.application.review.ReviewStore.ReviewedDecision;
import eu.creditbridge.recognition.domain.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The registrar's queue and searches over the decisions.
 * Implemented in {@code store} by {@code MongoReviewQueries}.
 */
public interface ReviewQueries {

    /**
     * Which decisions of one institution to list. Each part is optional; absent parts do not filter.
     *
     * @param partners the issuing institutions to keep (a partner, or an alliance's members); empty set keeps none
     * @param outcome  the decisions' outcome
     * @param asked    whether a question is out (only meaningful with NEEDS_REVIEW)
     * @param category a credit category the decision counts towards, or the credential's ISCED-F field of study
     * @param decidedBefore only decisions whose current revision is older than this
     */
    public record QueueFilter(SchacCode institution, Optional<Set<SchacCode>> partners, Optional<Outcome> outcome, Optional<Boolean> asked,
                              Optional<String> category, Optional<Instant> decidedBefore) {

        public QueueFilter {
            Objects.requireNonNull(institution, "institution is required");
            partners = Objects.requireNonNullElse(partners, Optional.<Set<SchacCode>>empty()).map(Set::copyOf);
            outcome = Objects.requireNonNullElse(outcome, Optional.empty());
            asked = Objects.requireNonNullElse(asked, Optional.empty());
            category = Objects.requireNonNullElse(category, Optional.empty());
            decidedBefore = Objects.requireNonNullElse(decidedBefore, Optional.empty());
        }

        public QueueFilter anyOutcome() {
            return new QueueFilter(institution, partners, Optional.empty(), Optional.empty(), category, decidedBefore);
        }

        public QueueFilter anyPartner() {
            return new QueueFilter(institution, Optional.empty(), outcome, asked, category, decidedBefore);
        }
    }

    List<ReviewedDecision> page(QueueFilter filter, boolean newestFirst, int skip, int limit);

    long count(QueueFilter filter);

    /** Decisions by outcome, plus ASKED: those of NEEDS_REVIEW with a question out. */
    Map<String, Long> countByOutcome(QueueFilter filter);

    Map<String, Long> countByPartner(QueueFilter filter);

    /** A learner's decisions at the institution, newest first. */
    List<ReviewedDecision> ofLearner(SchacCode institution, EuropeanStudentIdentifier learner, int limit);

    Optional<ReviewedDecision> find(DecisionId id);

    /**
     * Decisions whose partner course code or our target course code is the text (any case), or whose title
     * contains it; newest first.
     */
    List<ReviewedDecision> matchingCourse(SchacCode institution, String text, int limit);
}
