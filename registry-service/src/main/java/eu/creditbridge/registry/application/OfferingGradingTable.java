package eu.creditbridge.registry.application;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.registry.domain.GradingTable;
import eu.creditbridge.registry.domain.GradingTableOffer;
import eu.creditbridge.registry.domain.Institution;
import eu.creditbridge.registry.domain.UnknownRegistryEntry;
import eu.creditbridge.security.Caller;
import java.time.Clock;
import java.util.Optional;

/**
 * Offers an institution a grading table and, when its admin asks, publishes it: offered (kept aside, shown beside the
 * current table), then published as the institution's table through the same change and feed as any other, never
 * silently.
 */
public class OfferingGradingTable {

    private final InstitutionStore institutions;
    private final GradingTableOfferStore offers;
    private final ChangingInstitution changing;
    private final Clock clock;

    public OfferingGradingTable(InstitutionStore institutions, GradingTableOfferStore offers, Clock clock) {
        this.institutions = institutions;
        this.offers = offers;
        this.changing = new ChangingInstitution(institutions, clock);
        this.clock = clock;
    }

    /** @throws NotPermitted unless the caller may register the institution's keys; UnknownRegistryEntry for no institution */
    public GradingTableOffer offer(Caller caller, SchacCode schac, GradingTable table, String source) {
        Institution institution = institutions.find(schac).orElseThrow(() -> UnknownRegistryEntry.institution(schac)).value();
        RegistryPermissions.mayOfferGradingTable(caller, institution);
        var offer = new GradingTableOffer(schac, table, source, caller.name(), clock.instant());
        offers.put(offer);
        return offer;
    }

    public Optional<GradingTableOffer> offerTo(SchacCode schac) {
        return offers.find(schac);
    }

    /**
     * Publishes the offered table as the institution's.
     *
     * @throws UnknownRegistryEntry if nothing is offered
     */
    public Institution publish(Caller caller, SchacCode schac) {
        RegistryPermissions.mayPublishGradingTable(caller, schac);
        var offer = offers.find(schac).orElseThrow(() -> new UnknownRegistryEntry("grading table offer", schac.value()));
        Institution published = changing.change(schac, institution -> institution.withGradingTable(offer.table()));
        // A newer offer that came in meanwhile is not the one published: it stays, waiting for the admin.
        offers.remove(schac, offer.offeredAt());
        return published;
    }
}
