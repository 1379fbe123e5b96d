package eu.creditbridge.recognition.application.review;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.application.review.ReviewQueries.QueueFilter;
import eu.creditbridge.recognition.domain.Institution;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A registrar looks at their institution's queue: filtered by partner, alliance, outcome, category and age,
 * newest or oldest first, a page at a time, with counts at a glance.
 */
public class BrowsingReviewQueue {

    private final ReviewQueries queries;
    private final ReviewContext context;
    private final Clock clock;

    public BrowsingReviewQueue(ReviewQueries queries, eu.creditbridge.recognition.application.RegistryView registry,
                               eu.creditbridge.recognition.domain.agreement.LearningAgreements agreements, Clock clock) {
        this.queries = queries;
        this.context = new ReviewContext(registry, agreements);
        this.clock = clock;
    }

    public ReviewQueuePage browse(ReviewQueueQuery query) {
        QueueFilter filter = new QueueFilter(query.institution(), partners(query), query.selection().outcome(), query.selection().asked(),
                query.category(), query.olderThanDays().map(days -> clock.instant().minus(Duration.ofDays(days))));
        long total = queries.count(filter);
        var counts = new ReviewQueuePage.Counts(total, new TreeMap<>(queries.countByOutcome(filter)), new TreeMap<>(queries.countByPartner(filter)));
        List<DecisionSummary> items = queries.page(filter, query.order() == ReviewQueueQuery.Order.NEWEST,
                        Math.toIntExact(Math.min((long) query.page() * query.size(), Integer.MAX_VALUE)), query.size())
                .stream().map(context::summary).toList();
        int totalPages = (int) Math.max(1, (total + query.size() - 1) / query.size());
        return new ReviewQueuePage(query, counts, items, totalPages);
    }

    /** A partner, an alliance's members (all the view lists, suspended ones included), or both: then the overlap. */
    private Optional<Set<SchacCode>> partners(ReviewQueueQuery query) {
        Optional<Set<SchacCode>> members = query.alliance().map(alliance -> context.registry().institutions().stream()
                .filter(institution -> memberOf(institution, alliance))
                .map(Institution::schacCode)
                .collect(Collectors.toSet()));
        if (query.partner().isEmpty()) {
            return members;
        }
        SchacCode partner = query.partner().get();
        return Optional.of(members.map(kept -> kept.contains(partner) ? Set.of(partner) : Set.<SchacCode>of()).orElse(Set.of(partner)));
    }

    private static boolean memberOf(Institution institution, String alliance) {
        String wanted = alliance.toLowerCase(Locale.ROOT);
        return institution.memberships().stream().anyMatch(membership -> membership.allianceId().toLowerCase(Locale.ROOT).equals(wanted)
                || membership.allianceName().toLowerCase(Locale.ROOT).equals(wanted));
    }
}
