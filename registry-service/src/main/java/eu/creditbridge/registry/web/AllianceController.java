package eu.creditbridge.registry.web;

import eu.creditbridge.registry.application.AdmittingMember;
import eu.creditbridge.registry.application.BrowsingRegistry;
import eu.creditbridge.registry.application.DefiningAlliance;
import eu.creditbridge.registry.application.ReinstatingMember;
import eu.creditbridge.registry.application.SuspendingMember;
import eu.creditbridge.registry.domain.Alliance;
import eu.creditbridge.registry.domain.AllianceId;
import eu.creditbridge.registry.domain.Membership;
import eu.creditbridge.registry.domain.Suspension;
import eu.creditbridge.registry.domain.Violations;
import eu.creditbridge.registry.web.Views.AllianceSummary;
import eu.creditbridge.registry.web.Views.AllianceView;
import eu.creditbridge.registry.web.Views.MembershipView;
import eu.creditbridge.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Alliances", description = "Alliances and their members")
@RestController
@RequestMapping("/api/alliances")
class AllianceController {

    record AllianceBody(@NotBlank String name, String description) {
    }

    record MembershipBody(@NotNull LocalDate memberSince) {
    }

    record SuspensionBody(@NotNull LocalDate suspendedFrom, @NotBlank String reason) {
    }

    private final BrowsingRegistry registry;
    private final DefiningAlliance defining;
    private final AdmittingMember admitting;
    private final SuspendingMember suspending;
    private final ReinstatingMember reinstating;

    AllianceController(BrowsingRegistry registry, DefiningAlliance defining, AdmittingMember admitting,
            SuspendingMember suspending, ReinstatingMember reinstating) {
        this.registry = registry;
        this.defining = defining;
        this.admitting = admitting;
        this.suspending = suspending;
        this.reinstating = reinstating;
    }

    @Operation(summary = "List alliances",
            description = "Open to everyone.")
    @SecurityRequirements // open: no sign-in
    @GetMapping
    List<AllianceSummary> alliances() {
        return registry.alliances().stream().map(AllianceSummary::of).toList();
    }

    @Operation(summary = "Read an alliance",
            description = "The alliance with its members and their status. Open to everyone.")
    @SecurityRequirements // open: no sign-in
    @GetMapping("/{allianceId}")
    AllianceView alliance(@PathVariable String allianceId) {
        BrowsingRegistry.AllianceWithMembers found = registry.alliance(PathIds.alliance(allianceId));
        return AllianceView.of(found.alliance(), found.members());
    }

    @Operation(summary = "Define an alliance",
            description = "Creates (the admin only, 201) or replaces (its alliance admin or the admin, 200) the alliance."
                    + "Creates (the admin only, 201) or replaces (its alliance admin or the admin, 200) the alliance.")
    @PutMapping("/{allianceId}")
    ResponseEntity<AllianceView> define(@PathVariable String allianceId, @Valid @RequestBody AllianceBody body,
            Authentication who) {
        AllianceId id = PathIds.alliance(allianceId);
        Violations violations = new Violations();
        Alliance alliance = violations.attempt("", () -> new Alliance(id, body.name(), body.description()));
        violations.throwIfAny();
        boolean created = defining.define(Caller.of(who), alliance);
        return (created ? ResponseEntity.status(201) : ResponseEntity.ok()).body(alliance(allianceId));
    }

    @Operation(summary = "Admit a member",
            description = "The institution becomes a member from memberSince. The alliance admin or the admin.")
    @PutMapping("/{allianceId}/members/{schac}")
    MembershipView admit(@PathVariable String allianceId, @PathVariable String schac,
            @Valid @RequestBody MembershipBody body) {
        return MembershipView.of(admitting.admit(PathIds.alliance(allianceId), PathIds.schac(schac), body.memberSince()));
    }

    @Operation(summary = "Suspend a member",
            description = "Credentials the member issues while suspended are never recognised automatically. The alliance "
                    + "admin or the admin.")
    @PostMapping("/{allianceId}/members/{schac}/suspension")
    ResponseEntity<MembershipView> suspend(@PathVariable String allianceId, @PathVariable String schac,
            @Valid @RequestBody SuspensionBody body) {
        Violations violations = new Violations();
        Suspension suspension = violations.attempt("", () -> new Suspension(body.suspendedFrom(), body.reason()));
        violations.throwIfAny();
        Membership suspended = suspending.suspend(PathIds.alliance(allianceId), PathIds.schac(schac), suspension);
        return ResponseEntity.created(URI.create("/api/alliances/" + allianceId + "/members/" + schac + "/suspension"))
                .body(MembershipView.of(suspended));
    }

    @Operation(summary = "Reinstate a member",
            description = "Ends the suspension. The alliance admin or the admin.")
    @DeleteMapping("/{allianceId}/members/{schac}/suspension")
    MembershipView reinstate(@PathVariable String allianceId, @PathVariable String schac) {
        return MembershipView.of(reinstating.reinstate(PathIds.alliance(allianceId), PathIds.schac(schac)));
    }
}
