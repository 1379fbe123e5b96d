package eu.creditbridge.registry.store;

import static eu.creditbridge.registry.RegistryFixtures.LODZ;
import static eu.creditbridge.registry.RegistryFixtures.ROTTERDAM;
import static eu.creditbridge.registry.RegistryFixtures.UNIC;
import static eu.creditbridge.registry.RegistryFixtures.lodz;
import static eu.creditbridge.registry.RegistryFixtures.rotterdamRuleset;
import static eu.creditbridge.registry.RegistryFixtures.unic;
import static org.assertj.core.api.Assertions.assertThat;

import eu.creditbridge.registry.application.Stored;
import eu.creditbridge.registry.domain.Alliance;
import eu.creditbridge.registry.domain.Institution;
import eu.creditbridge.registry.domain.Ruleset;
import eu.creditbridge.registry.domain.RulesetVersion;
import eu.creditbridge.registry.domain.Suspension;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MongoStoresTest {

    private static final Instant NOW = Instant.parse("2025-02-03T10:15:30Z");

    private final InProcessMongo mongo = new InProcessMongo();
    private final MongoInstitutionStore institutions = new MongoInstitutionStore(mongo.database());
    private final MongoAllianceStore alliances = new MongoAllianceStore(mongo.database());
    private final MongoRulesetStore rulesets = new MongoRulesetStore(mongo.database());

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void institutionWithMembershipSuspensionGradingTableIssuersAndCompromiseReadsBackUnchanged() {
        Institution stored = lodz().admittedTo(unic(), LocalDate.of(2022, 11, 1))
                .suspendedIn(UNIC, new Suspension(LocalDate.of(2024, 3, 4), "test suspension"))
                .withIssuerPrincipals(java.util.List.of("issuer-service"))
                .withKeyCompromised(new eu.creditbridge.registry.domain.KeyCompromise("uni.lodz.pl#2024",
                        LocalDate.of(2026, 1, 1), null, "laptop stolen", "admin@uni.lodz.pl", NOW));

        assertThat(institutions.save(stored, 0, NOW)).isTrue();

        assertThat(institutions.find(LODZ)).get().satisfies(s -> {
            assertThat(s.value()).isEqualTo(stored);
            assertThat(s.revision()).isEqualTo(1);
            assertThat(s.updatedAt()).isEqualTo(NOW);
        });
        assertThat(institutions.membersOf(UNIC)).containsExactly(stored);
        assertThat(institutions.isEmpty()).isFalse();
    }

    @Test
    void secondCreationOfTheSameInstitutionLosesAndMustRetry() {
        assertThat(institutions.save(lodz(), 0, NOW)).isTrue();
        assertThat(institutions.save(lodz(), 0, NOW)).isFalse();
    }

    @Test
    void changeBasedOnAStaleRevisionIsRefused() {
        institutions.save(lodz(), 0, NOW);
        assertThat(institutions.save(lodz(), 1, NOW)).isTrue();
        assertThat(institutions.save(lodz(), 1, NOW)).as("stale revision 1, current is 2").isFalse();
        assertThat(institutions.find(LODZ)).get().extracting(Stored::revision).isEqualTo(2L);
    }

    @Test
    void changeStaysPendingUntilItsOwnRevisionIsMarkedPublished() {
        institutions.save(lodz(), 0, NOW);
        assertThat(institutions.pendingPublication(10)).extracting(Stored::revision).containsExactly(1L);
        assertThat(institutions.countPendingPublication()).as("the outbox backlog").isEqualTo(1);

        institutions.save(lodz(), 1, NOW.plusSeconds(1));
        institutions.markPublished(LODZ, 1);
        assertThat(institutions.pendingPublication(10)).as("revision 2 arrived while 1 was being published")
                .extracting(Stored::revision).containsExactly(2L);

        institutions.markPublished(LODZ, 2);
        assertThat(institutions.pendingPublication(10)).isEmpty();
        assertThat(institutions.countPendingPublication()).isZero();
    }

    @Test
    void rulesetVersionCanBeTakenOnlyOnce() {
        Ruleset first = rotterdamRuleset().publishedAs(ROTTERDAM, RulesetVersion.first(), NOW);
        assertThat(rulesets.insert(first)).isTrue();
        assertThat(rulesets.insert(rotterdamRuleset().publishedAs(ROTTERDAM, RulesetVersion.first(), NOW.plusSeconds(5))))
                .isFalse();
        assertThat(rulesets.versions(ROTTERDAM)).containsExactly(first);
    }

    @Test
    void latestRulesetIsTheHighestVersionAndOlderOnesStayAsTheyWere() {
        Ruleset first = rotterdamRuleset().publishedAs(ROTTERDAM, RulesetVersion.first(), NOW);
        Ruleset second = rotterdamRuleset().publishedAs(ROTTERDAM, new RulesetVersion(2), NOW.plusSeconds(60));
        rulesets.insert(first);
        rulesets.insert(second);

        assertThat(rulesets.latest(ROTTERDAM)).contains(second);
        assertThat(rulesets.find(ROTTERDAM, RulesetVersion.first())).contains(first);
        assertThat(rulesets.latest(LODZ)).isEmpty();
        assertThat(rulesets.pendingPublication(10)).containsExactly(first, second);
        assertThat(rulesets.countPendingPublication()).as("the outbox backlog").isEqualTo(2);
        rulesets.markPublished(ROTTERDAM, RulesetVersion.first());
        assertThat(rulesets.pendingPublication(10)).containsExactly(second);
        assertThat(rulesets.countPendingPublication()).isEqualTo(1);
    }

    @Test
    void renamedAllianceStaysPendingPropagationUntilMarked() {
        assertThat(alliances.save(unic(), 0)).isTrue();
        assertThat(alliances.save(new Alliance(UNIC, "UNIC alliance", null), 1)).isTrue();
        assertThat(alliances.pendingPropagation()).extracting(Stored::revision).containsExactly(2L);
        alliances.markPropagated(UNIC, 1);
        assertThat(alliances.pendingPropagation()).hasSize(1);
        alliances.markPropagated(UNIC, 2);
        assertThat(alliances.pendingPropagation()).isEmpty();
        assertThat(alliances.find(UNIC)).get().extracting(s -> s.value().name()).isEqualTo("UNIC alliance");
    }
}
