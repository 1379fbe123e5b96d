package eu.creditbridge.registry.web;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.registry.application.BrowsingRegistry;
import eu.creditbridge.registry.application.PublishingRuleset;
import eu.creditbridge.registry.domain.CourseEquivalence;
import eu.creditbridge.registry.domain.Ruleset;
import eu.creditbridge.registry.domain.RulesetDraft;
import eu.creditbridge.registry.domain.Violation;
import eu.creditbridge.registry.domain.Violations;
import eu.creditbridge.registry.web.Views.RulesetVersionSummary;
import eu.creditbridge.registry.web.Views.RulesetView;
import eu.creditbridge.rules.GradeConversionSetting;
import eu.creditbridge.rules.Rule;
import eu.creditbridge.rules.RuleAction;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Rulesets", description = "A receiving institution's recognition rulesets, versioned")
@RestController
@RequestMapping("/api/institutions/{schac}/rulesets")
class RulesetController {

    record RulesetBody(List<@Valid @NotNull CourseEquivalenceBody> courseEquivalences, String electiveCategory,
            List<@Valid @NotNull RuleBody> rules, List<@Valid @NotNull GradeConversionBody> gradeConversions) {
    }

    /** A rule as JSON; {@code action.type} is one of RECOGNISE_AS_COURSE, ELECTIVE_CREDITS, ROUTE_TO_REGISTRAR, REJECT. */
    record RuleBody(@NotBlank String id, String description, @NotNull Integer priority, @NotBlank String condition,
            @Valid @NotNull ActionBody action, LocalDate effectiveFrom, LocalDate effectiveUntil) {
    }

    record ActionBody(@NotBlank String type, String localCourseCode, String localCourseTitle, List<String> requiredPartnerCourses,
            String category, BigDecimal capEcts, String reason) {
    }

    record GradeConversionBody(String partnerInstitution, @NotBlank String method, Double nMin, Double nMax, Double scaleBest,
            Double scaleWorst) {
    }

    /** The dry run's answer: publishable or not, and every finding. */
    record ValidationView(boolean publishable, List<Violation> findings) {
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

    @Operation(summary = "List ruleset versions",
            description = "Every published version of the institution's ruleset. Open to everyone.")
    @SecurityRequirements // open: no sign-in
    @GetMapping
    List<RulesetVersionSummary> versions(@PathVariable String schac) {
        return registry.rulesetVersions(PathIds.schac(schac)).stream().map(RulesetVersionSummary::of).toList();
    }

    @Operation(summary = "Read the latest ruleset",
            description = "The version recognition applies now. Open to everyone.")
    @SecurityRequirements // open: no sign-in
    @GetMapping("/latest")
    RulesetView latest(@PathVariable String schac) {
        return RulesetView.of(registry.latestRuleset(PathIds.schac(schac)));
    }

    @Operation(summary = "Read a ruleset version",
            description = "One published version. Open to everyone.")
    @SecurityRequirements // open: no sign-in
    @GetMapping("/{version}")
    RulesetView version(@PathVariable String schac, @PathVariable String version) {
        return RulesetView.of(registry.ruleset(PathIds.schac(schac), PathIds.version(version)));
    }

    /** Publishes the next version; earlier versions stay as they were. */
    @Operation(summary = "Publish a ruleset",
            description = "Publishes the next version (201); earlier versions stay as they were. Its institution admin or "
                    + "the platform admin.")
    @PostMapping
    ResponseEntity<RulesetView> publish(@PathVariable String schac, @Valid @RequestBody RulesetBody body) {
        SchacCode institution = PathIds.schac(schac);
        Ruleset published = publishing.publish(institution, draft(body));
        return ResponseEntity.created(URI.create("/api/institutions/" + institution + "/rulesets/" + published.version().value()))
                .body(RulesetView.of(published));
    }

    /** Checks a ruleset as publishing would, without publishing: compile errors, rules that never match, overlaps. */
    @Operation(summary = "Check a ruleset without publishing",
            description = "Compile errors, rules that never match, overlaps; nothing is stored. Any signed-in caller.")
    @PostMapping("/validation")
    ValidationView validate(@PathVariable String schac, @Valid @RequestBody RulesetBody body) {
        List<Violation> findings = publishing.validate(PathIds.schac(schac), draft(body));
        return new ValidationView(findings.isEmpty(), findings);
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
        List<RuleBody> ruleBodies = body.rules() == null ? List.of() : body.rules();
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < ruleBodies.size(); i++) {
            RuleBody r = ruleBodies.get(i);
            String field = "rules[" + i + "]";
            RuleAction action = violations.attempt(field + ".action", () -> action(r.action()));
            if (action != null) {
                rules.add(violations.attempt(field, () -> new Rule(r.id(), Optional.ofNullable(r.description()), r.priority(),
                        r.condition(), action, Optional.ofNullable(r.effectiveFrom()), Optional.ofNullable(r.effectiveUntil()))));
            }
        }
        List<GradeConversionBody> conversionBodies = body.gradeConversions() == null ? List.of() : body.gradeConversions();
        List<GradeConversionSetting> conversions = new ArrayList<>();
        for (int i = 0; i < conversionBodies.size(); i++) {
            GradeConversionBody g = conversionBodies.get(i);
            conversions.add(violations.attempt("gradeConversions[" + i + "]", () -> conversion(g)));
        }
        violations.throwIfAny();
        RulesetDraft draft = violations.attempt("", () -> new RulesetDraft(equivalences, body.electiveCategory(), rules, conversions));
        violations.throwIfAny();
        return draft;
    }

    private static RuleAction action(ActionBody a) {
        return switch (a.type()) {
            case "RECOGNISE_AS_COURSE" -> new RuleAction.RecogniseAsCourse(a.localCourseCode(), Optional.ofNullable(a.localCourseTitle()),
                    a.requiredPartnerCourses());
            case "ELECTIVE_CREDITS" -> new RuleAction.ElectiveCredits(a.category(), Optional.ofNullable(a.capEcts()));
            case "ROUTE_TO_REGISTRAR" -> new RuleAction.RouteToRegistrar(a.reason());
            case "REJECT" -> new RuleAction.Reject(a.reason());
            default -> throw new IllegalArgumentException("type must be RECOGNISE_AS_COURSE, ELECTIVE_CREDITS, ROUTE_TO_REGISTRAR or REJECT");
        };
    }

    private static GradeConversionSetting conversion(GradeConversionBody g) {
        GradeConversionSetting.Method method;
        try {
            method = GradeConversionSetting.Method.valueOf(g.method());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("method must be ECTS_GRADING_TABLE, LINEAR_FORMULA or PASS_FAIL");
        }
        Optional<GradeConversionSetting.LinearScale> linear = g.nMin() == null || g.nMax() == null || g.scaleBest() == null
                || g.scaleWorst() == null ? Optional.empty()
                : Optional.of(new GradeConversionSetting.LinearScale(g.nMin(), g.nMax(), g.scaleBest(), g.scaleWorst()));
        if (g.partnerInstitution() != null) {
            new SchacCode(g.partnerInstitution());
        }
        return new GradeConversionSetting(Optional.ofNullable(g.partnerInstitution()), method, linear);
    }
}
