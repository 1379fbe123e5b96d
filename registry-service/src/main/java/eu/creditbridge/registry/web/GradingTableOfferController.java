package eu.creditbridge.registry.web;

import eu.creditbridge.registry.application.OfferingGradingTable;
import eu.creditbridge.registry.domain.GradingTableOffer;
import eu.creditbridge.registry.domain.UnknownRegistryEntry;
import eu.creditbridge.registry.domain.Violations;
import eu.creditbridge.registry.web.Views.GradingTableView;
import eu.creditbridge.registry.web.Views.InstitutionView;
import eu.creditbridge.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A grading table offered to an institution (from the grade distributions it exported), shown, then published. */
@Tag(name = "Institutions")
@RestController
@RequestMapping("/api/institutions/{schac}/grading-table-offer")
class GradingTableOfferController {

    /** @param source where the figures come from, e.g. "EWP Transcript of Records, ISCED 0612" */
    record OfferBody(@NotBlank String source, @NotNull @Valid InstitutionBody.GradingTableBody gradingTable) {
    }

    /** The offer beside the table the institution publishes now (null if none). */
    record OfferView(String schacCode, GradingTableView offered, GradingTableView current, String source,
                     String offeredBy, Instant offeredAt) {
    }

    private final OfferingGradingTable offering;
    private final eu.creditbridge.registry.application.BrowsingRegistry registry;

    GradingTableOfferController(OfferingGradingTable offering, eu.creditbridge.registry.application.BrowsingRegistry registry) {
        this.offering = offering;
        this.registry = registry;
    }

    @Operation(summary = "Offer a grading table",
            description = "Keeps the table aside as an offer to the institution (replacing an earlier offer); the "
                    + "institution's published table does not change. Its institution admin, the platform admin, or one of "
                    + "its issuer principals (issuer-service, from an imported EWP Transcript of Records).")
    @PutMapping
    OfferView offer(@PathVariable String schac, @Valid @RequestBody OfferBody body, Authentication who) {
        var code = PathIds.schac(schac);
        var violations = new Violations();
        var table = InstitutionBody.gradingTableOf(body.gradingTable(), "gradingTable", violations);
        violations.throwIfAny();
        return view(offering.offer(Caller.of(who), code, table, body.source()));
    }

    @Operation(summary = "Read the grading table offered",
            description = "The offer beside the institution's current table; 404 if nothing is offered. Open, like the "
                    + "rest of the trust list: grade distributions are statistics, no learner's data.")
    @SecurityRequirements // open: no sign-in
    @GetMapping
    OfferView offered(@PathVariable String schac) {
        var code = PathIds.schac(schac);
        return offering.offerTo(code).map(this::view)
                .orElseThrow(() -> new UnknownRegistryEntry("grading table offer", code.value()));
    }

    @Operation(summary = "Publish the grading table offered",
            description = "Makes the offered table the institution's grading table and publishes the institution "
                    + "(InstitutionUpdated); the offer is then gone. Its institution admin or the platform admin.")
    @PostMapping("/publication")
    InstitutionView publish(@PathVariable String schac, Authentication who) {
        return InstitutionView.of(offering.publish(Caller.of(who), PathIds.schac(schac)));
    }

    private OfferView view(GradingTableOffer offer) {
        var current = registry.institution(offer.institution()).gradingTable();
        return new OfferView(offer.institution().value(), GradingTableView.of(offer.table()),
                current == null ? null : GradingTableView.of(current), offer.source(), offer.offeredBy(), offer.offeredAt());
    }
}
