package eu.creditbridge.benchmarks;

import eu.creditbridge.rules.Rule;
import eu.creditbridge.rules.RuleAction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A receiving institution's ruleset of 50 rules, written the way a registrar of a UNIC university would: three on
 * age, level and identity checks, 40 partner-course equivalences written as rules, and seven on field, country, size
 * and capped electives (the demo rulesets' micro-credential cap among them). Disjoint where they share a priority, so
 * it passes the registry's validation like any published ruleset (checked when the benchmark starts).
 */
final class FiftyRuleRuleset {

    static final List<String> PARTNERS = List.of("uni.lodz.pl", "deusto.es", "ruhr-uni-bochum.de", "ucc.ie", "ku.edu.tr",
            "uliege.be", "oulu.fi", "unizg.hr");

    private FiftyRuleRuleset() {
    }

    static List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        rules.add(rule("unsupervised-online-review", 40, "credential.participationForm == 'ONLINE' && !assessedWithIdentityCheck()",
                new RuleAction.RouteToRegistrar("assessed online without an identity check")));
        rules.add(rule("older-than-ten-years", 20, "ageInDays() > 3652",
                new RuleAction.Reject("issued more than ten years before the decision")));
        rules.add(rule("below-bachelor-level", 30, "!eqfAtLeast(6)",
                new RuleAction.RouteToRegistrar("EQF level below 6 or not stated")));
        for (int i = 0; i < 40; i++) {
            String partner = PARTNERS.get(i % PARTNERS.size());
            String course = "CS-" + (101 + i);
            rules.add(rule("equivalence-" + partner + "-" + course, 200,
                    "credential.issuer == '" + partner + "' && credential.courseCode == '" + course
                            + "' && ectsBetween(4, 8) && convertedGradeAtLeast(6)",
                    new RuleAction.RecogniseAsCourse("EUR-" + course, Optional.of("Computer Science " + (101 + i)), List.of())));
        }
        rules.add(rule("data-science-from-unic", 300,
                "sharedActiveAlliance('unic') && credential.courseCode.startsWith('DS-') && ectsBetween(5, 8) && convertedGradeAtLeast(7)",
                new RuleAction.RecogniseAsCourse("EUR-DS-201", Optional.of("Data Science"), List.of())));
        rules.add(rule("sustainability-electives", 400,
                "sharedActiveAlliance() && credential.title.contains('Sustainab') && eqfAtLeast(6)",
                new RuleAction.ElectiveCredits("sustainability", Optional.of(new BigDecimal("15")))));
        rules.add(rule("outside-europe-review", 410, "issuer.country in ['TR', 'UA', 'GE'] && !sharedActiveAlliance()",
                new RuleAction.RouteToRegistrar("a partner outside the EU without a shared alliance")));
        rules.add(rule("large-credential-review", 420, "credential.ects > 30.0",
                new RuleAction.RouteToRegistrar("more than a semester's credits in one credential")));
        rules.add(rule("micro-credentials-within-cap", 500, "credential.courseCode == '' && sharedActiveAlliance()",
                new RuleAction.ElectiveCredits("micro-credentials", Optional.of(BigDecimal.TEN))));
        rules.add(rule("micro-credentials-beyond-cap", 510, "credential.courseCode == '' && sharedActiveAlliance()",
                new RuleAction.RouteToRegistrar("beyond the 10 ECTS cap of micro-credentials")));
        rules.add(rule("elective-credits-unic", 800, "sharedActiveAlliance('unic') && learner.totalEcts < 60.0",
                new RuleAction.ElectiveCredits("alliance-electives", Optional.of(new BigDecimal("30")))));
        if (rules.size() != 50) {
            throw new IllegalStateException("the benchmark ruleset has " + rules.size() + " rules, not 50");
        }
        return rules;
    }

    private static Rule rule(String id, int priority, String condition, RuleAction action) {
        return new Rule(id, Optional.empty(), priority, condition, action, Optional.empty(), Optional.empty());
    }
}
