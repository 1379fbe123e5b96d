package eu.creditbridge.registry.web;

import eu.creditbridge.registry.application.BrowsingRegistry;
import eu.creditbridge.registry.application.RegisteringInstitution;
import eu.creditbridge.registry.domain.SchacCode;
import eu.creditbridge.registry.web.Views.InstitutionView;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/institutions")
class InstitutionController {

    private final BrowsingRegistry registry;
    private final RegisteringInstitution registering;

    InstitutionController(BrowsingRegistry registry, RegisteringInstitution registering) {
        this.registry = registry;
        this.registering = registering;
    }

    @GetMapping
    List<InstitutionView> institutions() {
        return registry.institutions().stream().map(InstitutionView::of).toList();
    }

    @GetMapping("/{schac}")
    InstitutionView institution(@PathVariable String schac) {
        return InstitutionView.of(registry.institution(PathIds.schac(schac)));
    }

    /** Creates or replaces the institution's details; memberships are kept (they belong to the alliances). */
    @PutMapping("/{schac}")
    ResponseEntity<InstitutionView> register(@PathVariable String schac, @Valid @RequestBody InstitutionBody body) {
        SchacCode code = PathIds.schac(schac);
        RegisteringInstitution.Registered registered = registering.register(body.toInstitution(code));
        return ResponseEntity.status(registered.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(InstitutionView.of(registered.institution()));
    }
}
