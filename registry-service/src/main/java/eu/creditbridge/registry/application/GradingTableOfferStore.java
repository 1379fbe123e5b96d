package eu.creditbridge.registry.application;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.registry.domain.GradingTableOffer;
import java.util.Optional;

/** The grading tables offered to institutions and not yet published: at most one per institution, the latest. */
public interface GradingTableOfferStore {

    /** Keeps the offer, replacing an earlier one to the same institution. */
    void put(GradingTableOffer offer);

    Optional<GradingTableOffer> find(SchacCode institution);

    /** Removes the offer if it is still the one offered at {@code offeredAt}; false if another replaced it meanwhile. */
    boolean remove(SchacCode institution, java.time.Instant offeredAt);
}
