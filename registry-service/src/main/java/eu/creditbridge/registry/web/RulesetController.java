package eu.creditbridge.registry.web;

import eu.creditbridge.registry.application.BrowsingRegistry;
import eu.creditbridge.registry.application.PublishingRuleset;
import eu.creditbridge.registry.domain.CourseEquivalence;
import eu.creditbridge.registry.domain.Ruleset;
import eu.creditbridge.registry.domain.RulesetDraft;
import eu.creditbridge.registry.domain.SchacCode;
import eu.creditbridge.registry.domain.Violations;
import eu.creditbridge.registry.web.Views.RulesetView;
import eu.creditbridge.registry.web.Views.RulesetVersionSummary;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/institutions/{schac}/rulesets")
class RulesetController {

    record RulesetBody(List<@Valid @NotNull CourseEquivalenceBody> courseEquivalences, String electiveCategory) {
    }

    record CourseEquivalenceBody(@NotBlank String partnerInstitution, @NotBlank String partnerCourseCode,
            @NotBlank String localCourseCode, String localCourseTitle, LocalDate validFrom, LocalDate validUntil) {
    }

    private final BrowsingRegistry registry;
    private final PublishingRuleset publishing;

    RulesetController(BrowsingRegistry registry, PublishingRuleset publishing) {
        this.registry = registry;
        this.publishing = publishing;
    }

    @GetMapping
    List<RulesetVersionSummary> versions(@PathVariable String schac) {
        return registry.rulesetVersions(PathIds.schac(schac)).stream().map(RulesetVersionSummary::of).toList();
    }

    @GetMapping("/latest")
    RulesetView latest(@PathVariable String schac) {
        return RulesetView.of(registry.latestRuleset(PathIds.schac(schac)));
    }

    @GetMapping("/{version}")
    RulesetView version(@PathVariable String schac, @PathVariable String version) {
        return RulesetView.of(registry.ruleset(PathIds.schac(schac), PathIds.version(version)));
    }

    /** Publishes the next version; earlier versions stay as they were. */
    @PostMapping
    ResponseEntity<RulesetView> publish(@PathVariable String schac, @Valid @RequestBody RulesetBody body) {
        SchacCode institution = PathIds.schac(schac);
        Ruleset published = publishing.publish(institution, draft(body));
        return ResponseEntity.created(URI.create("/api/institutions/" + institution + "/rulesets/" + published.version().value()))
                .body(RulesetView.of(published));
    }

    private static RulesetDraft draft(RulesetBody body) {
        Violations violations = new Violations();
        List<CourseEquivalenceBody> bodies = body.courseEquivalences() == null ? List.of() : body.courseEquivalences();
        List<CourseEquivalence> equivalences = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            CourseEquivalenceBody e = bodies.get(i);
            String field = "courseEquivalences[" + i + "]";
            SchacCode partner = violations.attempt(field + ".partnerInstitution", () -> new SchacCode(e.partnerInstitution()));
            if (partner != null) {
                equivalences.add(violations.attempt(field, () -> new CourseEquivalence(partner, e.partnerCourseCode(),
                        e.localCourseCode(), e.localCourseTitle(), e.validFrom(), e.validUntil())));
            }
        }
        violations.throwIfAny();
        RulesetDraft draft = violations.attempt("", () -> new RulesetDraft(equivalences, body.electiveCategory()));
        violations.throwIfAny();
        return draft;
    }
}
