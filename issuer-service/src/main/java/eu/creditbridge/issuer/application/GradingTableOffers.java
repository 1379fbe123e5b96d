package eu.creditbridge.issuer.application;

import eu.creditbridge.issuer.domain.GradeDistribution;
import eu.creditbridge.kernel.SchacCode;
import java.util.List;

/** The registry's grading table offers: what an institution's admin is shown, and publishes if it agrees. */
public interface GradingTableOffers {

    /**
     * Offers the table to the institution's admin at the registry; nothing is published by it.
     *
     * @throws OfferNotMade when the registry did not take it (unreachable, or refused: the message says which)
     */
    void offer(SchacCode institution, String source, String referencePeriod, List<GradeDistribution.Frequency> bands);

    final class OfferNotMade extends RuntimeException {
        public OfferNotMade(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
