package eu.creditbridge.issuer.application;

import eu.creditbridge.issuer.domain.GradeDistribution;
import eu.creditbridge.issuer.domain.InvalidValueException;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.security.Caller;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Offers the grade distribution of an imported EWP Transcript of Records to the issuing institution's admin as its
 * grading table at the registry — offered only, never published: the admin sees it beside the current table and
 * publishes it there. The registry keeps one table per institution, so one field's distribution is offered: the only
 * one the document has, or the one the request names.
 */
public class OfferingGradeDistribution {

    /** What became of one distribution. */
    public record Offer(GradeDistribution distribution, List<GradeDistribution.Frequency> table, boolean offered, String note) {
    }

    private final GradingTableOffers registry;
    private final Clock clock;

    public OfferingGradeDistribution(GradingTableOffers registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * @param chosenIsced the field whose distribution to offer where the document has several; null for none chosen
     * @throws NotTheIssuer if the caller does not act for {@code issuer}
     */
    public List<Offer> offer(SchacCode issuer, List<GradeDistribution> distributions, String chosenIsced, Caller caller) {
        ActingForTheIssuer.mayChange(caller, issuer, "offer a grading table for");
        var offers = new ArrayList<Offer>();
        for (var distribution : distributions) {
            List<GradeDistribution.Frequency> table;
            try {
                table = distribution.passingTable();
            } catch (InvalidValueException e) {
                offers.add(new Offer(distribution, List.of(), false, "not offered: " + e.getMessage()));
                continue;
            }
            String order = distribution.ectsScale() ? "" : " (its grades are not ECTS letters: the document's order is "
                    + "kept as best first, and none is taken for failing; check before publishing)";
            boolean chosen = distributions.size() == 1 ? chosenIsced == null || chosenIsced.equals(distribution.iscedCode())
                    : distribution.iscedCode().equals(chosenIsced);
            if (!chosen) {
                offers.add(new Offer(distribution, table, false, "not offered: the registry keeps one grading table per "
                        + "institution; name the field to offer with ?gradeTableIsced=" + distribution.iscedCode()));
                continue;
            }
            try {
                registry.offer(issuer, "EWP Transcript of Records, ISCED " + distribution.iscedCode(),
                        "unstated (EWP ToR " + LocalDate.now(clock) + ")", table);
                offers.add(new Offer(distribution, table, true, "offered to " + issuer + "'s admin at the registry: "
                        + "shown at GET /api/institutions/" + issuer + "/grading-table-offer, published only by POST "
                        + "…/grading-table-offer/publication" + order));
            } catch (GradingTableOffers.OfferNotMade e) {
                offers.add(new Offer(distribution, table, false, "not offered: " + e.getMessage()));
            }
        }
        return offers;
    }
}
