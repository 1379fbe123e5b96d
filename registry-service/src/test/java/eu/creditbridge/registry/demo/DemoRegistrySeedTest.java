package eu.creditbridge.registry.demo;

import static org.assertj.core.api.Assertions.assertThat;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.registry.RegistrySpringTest;
import eu.creditbridge.registry.application.BrowsingRegistry;
import eu.creditbridge.registry.domain.AllianceId;
import eu.creditbridge.registry.domain.CourseEquivalence;
import eu.creditbridge.registry.domain.Institution;
import eu.creditbridge.registry.domain.Membership;
import eu.creditbridge.registry.domain.MembershipStatus;
import eu.creditbridge.registry.domain.Ruleset;
import eu.creditbridge.rules.Rule;
import eu.creditbridge.rules.RuleAction;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** The examples the module README promises, checked against the seeded demo registry. */
@RegistrySpringTest
@TestPropertySource(properties = {
        "creditbridge.registry.demo-data=true"})
class DemoRegistrySeedTest {

    private static final SchacCode EUR = new SchacCode("eur.nl");
    private static final SchacCode LODZ = new SchacCode("uni.lodz.pl");
    private static final SchacCode ZAGREB = new SchacCode("unizg.hr");
    private static final SchacCode RUSSIAN_MEMBER = new SchacCode("ru-member.unilion.example");

    @Autowired
    BrowsingRegistry registry;

    @Test
    void unicHasItsTenPartnersWithRotterdamLodzAndMalmo() {
        List<String> members = registry.alliance(new AllianceId("unic")).members().stream()
                .map(i -> i.schacCode().value()).toList();
        assertThat(members).hasSize(10).contains("eur.nl", "uni.lodz.pl", "mau.se", "deusto.es", "ku.edu.tr");
        assertThat(registry.alliances()).extracting(a -> a.id().value())
                .contains("unic", "una-europa", "arqus", "eciu", "unilion");
    }

    @Test
    void someUniversitiesBelongToTwoNetworks() {
        assertThat(registry.institution(ZAGREB).memberships()).extracting(m -> m.allianceId().value())
                .containsExactly("unic", "unilion");
        assertThat(registry.institution(new SchacCode("ugr.es")).memberships()).extracting(m -> m.allianceId().value())
                .containsExactly("arqus", "coimbra-group");
    }

    @Test
    void unilionsRussianMemberIsSuspendedSince2022() {
        Membership membership = registry.institution(RUSSIAN_MEMBER).membershipOf(new AllianceId("unilion")).orElseThrow();
        assertThat(membership.status()).isEqualTo(MembershipStatus.SUSPENDED);
        assertThat(membership.isActiveOn(LocalDate.of(2021, 6, 1))).isTrue();
        assertThat(membership.isActiveOn(LocalDate.of(2022, 5, 1))).isFalse();
    }

    @Test
    void lodzIntroductionToProgrammingCountsAsRotterdamsCourse() {
        Ruleset eur = registry.latestRuleset(EUR);
        assertThat(eur.version().value()).isEqualTo(1);
        assertThat(eur.electiveCategory()).isEqualTo("alliance-electives");
        assertThat(eur.equivalenceFor(LODZ, "INF-101", LocalDate.of(2025, 1, 20)))
                .get().extracting(CourseEquivalence::localCourseCode).isEqualTo("EUR-INF-101");
        assertThat(eur.equivalenceFor(LODZ, "SUS-201", LocalDate.of(2025, 1, 20))).as("goes to elective credits").isEmpty();
        assertThat(eur.equivalenceFor(new SchacCode("uzh.ch"), "INF-101", LocalDate.of(2025, 1, 20)))
                .as("Zurich shares no alliance with Rotterdam").isEmpty();
        Institution zurich = registry.institution(new SchacCode("uzh.ch"));
        assertThat(zurich.memberships()).extracting(m -> m.allianceId().value()).containsExactly("una-europa");
    }

    @Test
    void everyInstitutionHasAGradingSchemeAFirstRulesetAndTheEmbeddedIssuerAsItsIssuerPrincipal() {
        for (Institution institution : registry.institutions()) {
            assertThat(institution.gradingScheme()).isNotBlank();
            assertThat(institution.issuerPrincipals()).as(institution.schacCode().value()).containsExactly("issuer-service");
            assertThat(registry.latestRuleset(institution.schacCode()).version().value()).isEqualTo(1);
        }
        assertThat(registry.latestRuleset(ZAGREB).equivalenceFor(RUSSIAN_MEMBER, "INF-101", LocalDate.of(2022, 5, 1)))
                .as("the table keeps the suspended partner; the suspension decides trust")
                .get().extracting(CourseEquivalence::localCourseCode).isEqualTo("UNIZG-INF-101");
    }

    @Test
    void everyRulesetCarriesTheReadableRulesThatExerciseEveryOutcome() {
        for (Institution institution : registry.institutions()) {
            assertThat(registry.latestRuleset(institution.schacCode()).rules()).extracting(Rule::id)
                    .contains("older-than-ten-years", "below-bachelor-level",
                            "micro-credentials-within-cap", "micro-credentials-beyond-cap");
        }
        List<Rule> rotterdam = registry.latestRuleset(EUR).rules();
        assertThat(rotterdam).filteredOn(rule -> rule.id().equals("data-science-from-unic")).singleElement()
                .satisfies(rule -> {
                    assertThat(rule.condition()).contains("sharedActiveAlliance('unic')").contains("convertedGradeAtLeast(7)");
                    assertThat(rule.action()).isEqualTo(new RuleAction.RecogniseAsCourse("EUR-DS-201",
                            java.util.Optional.of("Data Science"), List.of()));
                });
        assertThat(rotterdam).filteredOn(rule -> rule.id().equals("micro-credentials-within-cap")).singleElement()
                .satisfies(rule -> {
                    RuleAction.ElectiveCredits cap = (RuleAction.ElectiveCredits) rule.action();
                    assertThat(cap.category()).isEqualTo("micro-credentials");
                    assertThat(cap.capEcts()).get().satisfies(ects -> assertThat(ects).isEqualByComparingTo("10"));
                });
        assertThat(registry.latestRuleset(ZAGREB).rules()).extracting(Rule::id).doesNotContain("data-science-from-unic");
    }
}
