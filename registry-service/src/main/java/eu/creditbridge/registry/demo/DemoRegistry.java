package eu.creditbridge.registry.demo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import eu.creditbridge.kernel.CountryCode;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.registry.domain.AllianceId;
import eu.creditbridge.registry.domain.CourseEquivalence;
import eu.creditbridge.registry.domain.ErasmusCode;
import eu.creditbridge.registry.domain.GradeBand;
import eu.creditbridge.registry.domain.GradingTable;
import eu.creditbridge.registry.domain.Institution;
import eu.creditbridge.registry.domain.RulesetDraft;
import eu.creditbridge.rules.Rule;
import eu.creditbridge.rules.RuleAction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The demo data as read from {@code demo/registry-demo.json}. Rulesets are derived from a template
 * rather than listed, so that every institution gets one and the README's examples follow one rule:
 * at receiving institution X, course C of any partner sharing an alliance with X is X's course
 * {@code <X's prefix>-C}; the template's CEL rules (age, level, micro-credential cap) apply everywhere,
 * and an institution may add rules of its own.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record DemoRegistry(List<DemoInstitution> institutions, List<DemoAlliance> alliances,
        List<DemoSuspension> suspensions, RulesetTemplate rulesetTemplate, List<String> issuerPrincipals) {

    DemoRegistry {
        issuerPrincipals = issuerPrincipals == null ? List.of() : List.copyOf(issuerPrincipals);
    }

    record DemoInstitution(String schacCode, String erasmusCode, String name, String country, String gradingScheme,
            String coursePrefix, DemoGradingTable gradingTable, List<DemoRule> rules) {

        DemoInstitution {
            rules = rules == null ? List.of() : List.copyOf(rules);
        }

        Institution toInstitution() {
            return new Institution(new SchacCode(schacCode), erasmusCode == null ? null : new ErasmusCode(erasmusCode),
                    name, new CountryCode(country), gradingScheme,
                    gradingTable == null ? null : new GradingTable(gradingTable.referencePeriod(), gradingTable.bands().stream()
                            .map(b -> new GradeBand(b.grade(), b.percentage())).toList()),
                    List.of(), List.of());
        }
    }

    record DemoGradingTable(String referencePeriod, List<DemoGradeBand> bands) {
    }

    record DemoGradeBand(String grade, BigDecimal percentage) {
    }

    record DemoAlliance(String allianceId, String name, String description, List<DemoMember> members) {

        AllianceId id() {
            return new AllianceId(allianceId);
        }
    }

    record DemoMember(String schacCode, LocalDate memberSince) {
    }

    record DemoSuspension(String allianceId, String schacCode, LocalDate suspendedFrom, String reason) {
    }

    record RulesetTemplate(String electiveCategory, List<TemplateCourse> equivalentCourses, List<DemoRule> rules) {

        RulesetTemplate {
            rules = rules == null ? List.of() : List.copyOf(rules);
        }
    }

    /** A rule as a registrar writes it, in the shape of the REST API's rule body. */
    record DemoRule(String id, String description, int priority, String condition, DemoAction action,
            LocalDate effectiveFrom, LocalDate effectiveUntil) {

        Rule toRule() {
            return new Rule(id, Optional.ofNullable(description), priority, condition, action.toAction(),
                    Optional.ofNullable(effectiveFrom), Optional.ofNullable(effectiveUntil));
        }
    }

    /** {@code type} is RECOGNISE_AS_COURSE, ELECTIVE_CREDITS, ROUTE_TO_REGISTRAR or REJECT, as over REST. */
    record DemoAction(String type, String localCourseCode, String localCourseTitle, List<String> requiredPartnerCourses,
            String category, BigDecimal capEcts, String reason) {

        RuleAction toAction() {
            return switch (type) {
                case "RECOGNISE_AS_COURSE" -> new RuleAction.RecogniseAsCourse(localCourseCode,
                        Optional.ofNullable(localCourseTitle), requiredPartnerCourses);
                case "ELECTIVE_CREDITS" -> new RuleAction.ElectiveCredits(category, Optional.ofNullable(capEcts));
                case "ROUTE_TO_REGISTRAR" -> new RuleAction.RouteToRegistrar(reason);
                case "REJECT" -> new RuleAction.Reject(reason);
                default -> throw new IllegalArgumentException("unknown rule action type in the demo data: " + type);
            };
        }
    }

    record TemplateCourse(String courseCode, String title) {
    }

    /** Institutions sharing at least one alliance with the receiving one, whatever the membership status. */
    Set<String> partnersOf(String receiving) {
        Set<String> partners = new TreeSet<>();
        for (DemoAlliance alliance : alliances) {
            List<String> members = alliance.members().stream().map(DemoMember::schacCode).toList();
            if (members.contains(receiving)) {
                partners.addAll(members);
            }
        }
        partners.remove(receiving);
        return partners;
    }

    /**
     * Version 1 of the receiving institution's ruleset. Suspended partners keep their equivalences on
     * purpose: the table says what a course is worth, the suspension says whether to trust the issuer.
     */
    RulesetDraft rulesetFor(DemoInstitution receiving) {
        List<CourseEquivalence> equivalences = new ArrayList<>();
        for (String partner : partnersOf(receiving.schacCode())) {
            for (TemplateCourse course : rulesetTemplate.equivalentCourses()) {
                equivalences.add(new CourseEquivalence(new SchacCode(partner), course.courseCode(),
                        receiving.coursePrefix() + "-" + course.courseCode(), course.title(), null, null));
            }
        }
        List<Rule> rules = new ArrayList<>();
        rulesetTemplate.rules().forEach(rule -> rules.add(rule.toRule()));
        receiving.rules().forEach(rule -> rules.add(rule.toRule()));
        return new RulesetDraft(equivalences, rulesetTemplate.electiveCategory(), rules, List.of());
    }
}
