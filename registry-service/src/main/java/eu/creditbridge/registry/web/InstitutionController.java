package eu.creditbridge.registry.web;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.registry.application.AuthorisingIssuers;
import eu.creditbridge.registry.application.BrowsingRegistry;
import eu.creditbridge.registry.application.RegisteringInstitution;
import eu.creditbridge.registry.domain.Institution;
import eu.creditbridge.registry.web.Views.InstitutionView;
import eu.creditbridge.registry.web.Views.IssuerPrincipalsView;
import eu.creditbridge.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Institutions", description = "The trust list: institutions by SCHAC code, with memberships and signing keys")
@RestController
@RequestMapping("/api/institutions")
class InstitutionController {

    /** @param principals account names, e.g. {@code ["issuer-service"]}; an empty list names nobody */
    record IssuerPrincipalsBody(@NotNull List<String> principals) {
    }

    private final BrowsingRegistry registry;
    private final RegisteringInstitution registering;
    private final AuthorisingIssuers authorising;

    InstitutionController(BrowsingRegistry registry, RegisteringInstitution registering, AuthorisingIssuers authorising) {
        this.registry = registry;
        this.registering = registering;
        this.authorising = authorising;
    }

    @Operation(summary = "List institutions",
            description = "Every registered institution with its memberships and signing keys. Open to everyone.")
    @SecurityRequirements // open: no sign-in
    @GetMapping
    List<InstitutionView> institutions() {
        return registry.institutions().stream().map(InstitutionView::of).toList();
    }

    @Operation(summary = "Read an institution",
            description = "One institution by SCHAC code. Open to everyone; 404 if not registered.")
    @SecurityRequirements // open: no sign-in
    @GetMapping("/{schac}")
    InstitutionView institution(@PathVariable String schac) {
        return InstitutionView.of(registry.institution(PathIds.schac(schac)));
    }

    /**
     * Creates (an alliance admin or the admin) or replaces (its institution admin or the admin) the institution's
     * details; memberships and issuer principals are kept (they are the alliances' to set).
     */
    @Operation(summary = "Register or replace an institution",
            description = "Creates the institution (an alliance admin or the admin, 201) or replaces its details (its "
                    + "institution admin or the admin, 200); memberships and issuer principals are kept.")
    @PutMapping("/{schac}")
    ResponseEntity<InstitutionView> register(@PathVariable String schac, @Valid @RequestBody InstitutionBody body,
            Authentication who) {
        SchacCode code = PathIds.schac(schac);
        RegisteringInstitution.Registered registered = registering.register(Caller.of(who), body.toInstitution(code));
        return ResponseEntity.status(registered.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(InstitutionView.of(registered.institution()));
    }

    /** Who besides the institution's admin may register its signing keys: set by an admin of one of its alliances. */
    @Operation(summary = "Name the issuer principals",
            description = "The machine accounts besides the institution admin that may register the institution's signing "
                    + "keys (its issuer-service). An admin of one of its alliances.")
    @PutMapping("/{schac}/issuer-principals")
    IssuerPrincipalsView authoriseIssuers(@PathVariable String schac, @Valid @RequestBody IssuerPrincipalsBody body,
            Authentication who) {
        Institution changed = authorising.authorise(Caller.of(who), PathIds.schac(schac), body.principals());
        return new IssuerPrincipalsView(changed.schacCode().value(), changed.issuerPrincipals());
    }
}
