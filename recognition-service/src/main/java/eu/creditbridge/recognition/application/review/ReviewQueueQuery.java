package eu.creditbridge.recognition.application.review;

import eu.creditbridge.kernel.SchacCode;
import java.util.Objects;
import java.util.Optional;

/**
 * What a registrar asks the queue for.
 *
 * @param partner       the issuing institution
 * @param alliance      an alliance, by id or name: decisions on credentials its members issued
 * @param category      a credit category decided on, or the credential's ISCED-F field of study
 * @param olderThanDays only decisions whose current revision is at least this many days old
 * @param page          0-based
 * @param size          1 to {@value #MAXIMUM_SIZE}
 */
public record ReviewQueueQuery(SchacCode institution, Optional<SchacCode> partner, Optional<String> alliance, QueueSelection selection,
                               Optional<String> category, Optional<Integer> olderThanDays, Order order, int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAXIMUM_SIZE = 100;

    public enum Order { NEWEST, OLDEST }

    public ReviewQueueQuery {
        Objects.requireNonNull(institution, "institution is required");
        partner = Objects.requireNonNullElse(partner, Optional.empty());
        alliance = Objects.requireNonNullElse(alliance, Optional.<String>empty()).map(String::strip).filter(a -> !a.isEmpty());
        selection = Objects.requireNonNullElse(selection, QueueSelection.NEEDS_REVIEW);
        category = Objects.requireNonNullElse(category, Optional.<String>empty()).map(String::strip).filter(c -> !c.isEmpty());
        olderThanDays = Objects.requireNonNullElse(olderThanDays, Optional.empty());
        order = Objects.requireNonNullElse(order, Order.NEWEST);
        olderThanDays.ifPresent(days -> {
            if (days < 0 || days > 36_500) {
                throw new IllegalArgumentException("olderThanDays must be 0 to 36500: " + days);
            }
        });
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more: " + page);
        }
        if (size < 1 || size > MAXIMUM_SIZE) {
            throw new IllegalArgumentException("size must be 1 to " + MAXIMUM_SIZE + ": " + size);
        }
    }

    /** The default queue: everything awaiting a registrar, newest first, first page. */
    public static ReviewQueueQuery of(SchacCode institution) {
        return new ReviewQueueQuery(institution, Optional.empty(), Optional.empty(), QueueSelection.NEEDS_REVIEW, Optional.empty(),
                Optional.empty(), Order.NEWEST, 0, DEFAULT_SIZE);
    }
}
