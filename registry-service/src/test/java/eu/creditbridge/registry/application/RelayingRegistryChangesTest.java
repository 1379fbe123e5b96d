package eu.creditbridge.registry.application;

import static eu.creditbridge.registry.RegistryFixtures.PLATFORM_ADMIN;
import static eu.creditbridge.registry.RegistryFixtures.LODZ;
import static eu.creditbridge.registry.RegistryFixtures.ROTTERDAM;
import static eu.creditbridge.registry.RegistryFixtures.UNIC;
import static eu.creditbridge.registry.RegistryFixtures.lodz;
import static eu.creditbridge.registry.RegistryFixtures.rotterdam;
import static eu.creditbridge.registry.RegistryFixtures.rotterdamRuleset;
import static eu.creditbridge.registry.RegistryFixtures.unic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.creditbridge.registry.domain.Alliance;
import eu.creditbridge.registry.domain.ConflictingRegistryChange;
import eu.creditbridge.registry.domain.Institution;
import eu.creditbridge.registry.domain.MembershipStatus;
import eu.creditbridge.registry.domain.Ruleset;
import eu.creditbridge.registry.domain.RulesetVersion;
import eu.creditbridge.registry.domain.Suspension;
import eu.creditbridge.registry.domain.UnknownRegistryEntry;
import eu.creditbridge.registry.store.InProcessMongo;
import eu.creditbridge.registry.store.MongoAllianceStore;
import eu.creditbridge.registry.store.MongoInstitutionStore;
import eu.creditbridge.registry.store.MongoRulesetStore;
import java.time.Clock;
import java.time.Instant;
import eu.creditbridge.messaging.outbox.BatchPublisher;
import eu.creditbridge.messaging.outbox.Confirmation;
import eu.creditbridge.messaging.outbox.OutboxRelay;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The use cases and the outbox relay on the real store (in-process wire-protocol MongoDB) and a recording feed. */
class RelayingRegistryChangesTest {

    private final InProcessMongo mongo = new InProcessMongo();
    private final Clock clock = Clock.fixed(Instant.parse("2025-02-03T10:15:30Z"), ZoneOffset.UTC);
    private final MongoInstitutionStore institutions = new MongoInstitutionStore(mongo.database());
    private final MongoAllianceStore alliances = new MongoAllianceStore(mongo.database());
    private final MongoRulesetStore rulesets = new MongoRulesetStore(mongo.database());
    private final RecordingFeed feed = new RecordingFeed();
    private final PropagatingAllianceNames propagation = new PropagatingAllianceNames(alliances, institutions, clock);
    private final OutboxRelay<RegistryChange> relay = new OutboxRelay<>("registry-changes",
            new RegistryOutbox(institutions, rulesets, propagation), feed, 100);
    private final RegisteringInstitution registering = new RegisteringInstitution(institutions, clock);
    private final DefiningAlliance defining = new DefiningAlliance(alliances, propagation);
    private final AdmittingMember admitting = new AdmittingMember(alliances, institutions, clock);
    private final SuspendingMember suspending = new SuspendingMember(alliances, institutions, clock);
    private final PublishingRuleset publishing = new PublishingRuleset(institutions, rulesets, clock);

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void everyChangeIsPublishedOnceAsTheInstitutionsFullCurrentState() {
        registering.register(PLATFORM_ADMIN, lodz());
        defining.define(PLATFORM_ADMIN, unic());
        admitting.admit(UNIC, LODZ, LocalDate.of(2022, 11, 1));

        assertThat(relay.relayPending()).isEqualTo(1);
        assertThat(feed.institutions).singleElement().satisfies(i -> {
            assertThat(i.schacCode()).isEqualTo(LODZ);
            assertThat(i.membershipOf(UNIC)).get().extracting(m -> m.allianceName()).isEqualTo("UNIC");
        });
        assertThat(relay.relayPending()).as("nothing left pending").isZero();
    }

    @Test
    void suspensionRepublishesTheMembersInstitution() {
        registering.register(PLATFORM_ADMIN, lodz());
        defining.define(PLATFORM_ADMIN, unic());
        admitting.admit(UNIC, LODZ, LocalDate.of(2022, 11, 1));
        relay.relayPending();

        suspending.suspend(UNIC, LODZ, new Suspension(LocalDate.of(2024, 3, 4), "test"));
        relay.relayPending();

        assertThat(feed.institutions).hasSize(2);
        assertThat(feed.institutions.get(1).membershipOf(UNIC)).get()
                .extracting(m -> m.status()).isEqualTo(MembershipStatus.SUSPENDED);
    }

    @Test
    void changeWhosePublishFailedStaysPendingAndGoesOutOnTheNextRun() {
        registering.register(PLATFORM_ADMIN, lodz());
        feed.failing = true;
        assertThat(relay.relayPending()).as("nothing acknowledged, nothing marked").isZero();

        feed.failing = false;
        assertThat(relay.relayPending()).isEqualTo(1);
        assertThat(feed.institutions).extracting(Institution::schacCode).containsExactly(LODZ);
    }

    @Test
    void renamedAllianceReachesItsMembersPublishedState() {
        registering.register(PLATFORM_ADMIN, lodz());
        defining.define(PLATFORM_ADMIN, unic());
        admitting.admit(UNIC, LODZ, LocalDate.of(2022, 11, 1));
        relay.relayPending();

        defining.define(PLATFORM_ADMIN, new Alliance(UNIC, "UNIC – European University of Post-Industrial Cities", null));
        relay.relayPending();

        assertThat(feed.institutions.get(feed.institutions.size() - 1).membershipOf(UNIC)).get()
                .extracting(m -> m.allianceName()).isEqualTo("UNIC – European University of Post-Industrial Cities");
    }

    @Test
    void publishingTakesTheNextVersionAndOnlyTheLatestPendingVersionIsSent() {
        registering.register(PLATFORM_ADMIN, rotterdam());
        Ruleset first = publishing.publish(ROTTERDAM, rotterdamRuleset());
        Ruleset second = publishing.publish(ROTTERDAM, rotterdamRuleset());

        assertThat(first.version()).isEqualTo(new RulesetVersion(1));
        assertThat(second.version()).isEqualTo(new RulesetVersion(2));
        relay.relayPending();
        assertThat(feed.rulesets).extracting(Ruleset::version).containsExactly(new RulesetVersion(2));
        assertThat(rulesets.pendingPublication(10)).isEmpty();
        assertThat(rulesets.find(ROTTERDAM, RulesetVersion.first())).contains(first);
    }

    @Test
    void publishLosingTheRaceForAVersionRetriesWithTheNext() {
        registering.register(PLATFORM_ADMIN, rotterdam());
        RulesetStore racing = new RulesetStore() {
            private boolean raced;

            @Override
            public boolean insert(Ruleset ruleset) {
                if (!raced) {
                    raced = true;
                    // Another registry instance takes this very version between our read and our insert.
                    rulesets.insert(rotterdamRuleset().publishedAs(ROTTERDAM, ruleset.version(), ruleset.publishedAt()));
                }
                return rulesets.insert(ruleset);
            }

            @Override public java.util.Optional<Ruleset> latest(eu.creditbridge.kernel.SchacCode i) { return rulesets.latest(i); }
            @Override public java.util.Optional<Ruleset> find(eu.creditbridge.kernel.SchacCode i, RulesetVersion v) { return rulesets.find(i, v); }
            @Override public List<Ruleset> versions(eu.creditbridge.kernel.SchacCode i) { return rulesets.versions(i); }
            @Override public List<Ruleset> pendingPublication(int limit) { return rulesets.pendingPublication(limit); }
            @Override public void markPublished(eu.creditbridge.kernel.SchacCode i, RulesetVersion v) { rulesets.markPublished(i, v); }
            @Override public boolean publishAgain(eu.creditbridge.kernel.SchacCode i) { return rulesets.publishAgain(i); }
        };

        Ruleset published = new PublishingRuleset(institutions, racing, clock).publish(ROTTERDAM, rotterdamRuleset());

        assertThat(published.version()).isEqualTo(new RulesetVersion(2));
    }

    @Test
    void afterAPoisonedRecordTheInstitutionsCurrentEntryIsPublishedOnceMore() {
        registering.register(PLATFORM_ADMIN, lodz());
        relay.relayPending();
        feed.institutions.clear();
        var restoring = new RestoringTrustEntry(institutions, rulesets);

        assertThat(restoring.restore(RestoringTrustEntry.TrustTopic.INSTITUTIONS, "uni.lodz.pl")).contains(LODZ);

        assertThat(relay.relayPending()).isEqualTo(1);
        assertThat(feed.institutions).singleElement().satisfies(i -> assertThat(i.schacCode()).isEqualTo(LODZ));
        assertThat(relay.relayPending()).as("once").isZero();
    }

    @Test
    void afterAPoisonedRecordTheLatestRulesetVersionIsPublishedOnceMore() {
        registering.register(PLATFORM_ADMIN, rotterdam());
        publishing.publish(ROTTERDAM, rotterdamRuleset());
        publishing.publish(ROTTERDAM, rotterdamRuleset());
        relay.relayPending();
        feed.rulesets.clear();

        new RestoringTrustEntry(institutions, rulesets).restore(RestoringTrustEntry.TrustTopic.RULESETS, "eur.nl");

        relay.relayPending();
        assertThat(feed.rulesets).extracting(Ruleset::version).containsExactly(new RulesetVersion(2));
    }

    @Test
    void aPoisonedKeyThatNamesNothingTheRegistryHoldsHasNothingToRestore() {
        var restoring = new RestoringTrustEntry(institutions, rulesets);

        assertThat(restoring.restore(RestoringTrustEntry.TrustTopic.INSTITUTIONS, "nobody.example.org")).isEmpty();
        assertThat(restoring.restore(RestoringTrustEntry.TrustTopic.RULESETS, "not a schac code!")).isEmpty();
        assertThat(restoring.restore(RestoringTrustEntry.TrustTopic.INSTITUTIONS, null)).isEmpty();
        assertThat(relay.relayPending()).isZero();
    }

    @Test
    void rulesetOfAnUnknownInstitutionIsRefused() {
        assertThatThrownBy(() -> publishing.publish(ROTTERDAM, rotterdamRuleset())).isInstanceOf(UnknownRegistryEntry.class);
    }

    @Test
    void secondSuspensionOfTheSameMembershipIsAConflict() {
        registering.register(PLATFORM_ADMIN, lodz());
        defining.define(PLATFORM_ADMIN, unic());
        admitting.admit(UNIC, LODZ, LocalDate.of(2022, 11, 1));
        suspending.suspend(UNIC, LODZ, new Suspension(LocalDate.of(2024, 3, 4), "test"));
        assertThatThrownBy(() -> suspending.suspend(UNIC, LODZ, new Suspension(LocalDate.of(2024, 3, 5), "again")))
                .isInstanceOf(ConflictingRegistryChange.class);
    }

    /** Stands in for the broker: keeps what was published, or refuses institutions while {@code failing}. */
    static final class RecordingFeed implements BatchPublisher<RegistryChange> {
        final List<Institution> institutions = new ArrayList<>();
        final List<Ruleset> rulesets = new ArrayList<>();
        boolean failing;

        @Override
        public Confirmation publish(List<RegistryChange> changes) {
            return BatchPublisher.<RegistryChange>oneByOne(change -> {
                if (change instanceof RegistryChange.RulesetChanged ruleset) {
                    rulesets.add(ruleset.ruleset());
                    return;
                }
                if (failing) {
                    throw new IllegalStateException("no acknowledgement from the broker");
                }
                institutions.add(((RegistryChange.InstitutionChanged) change).stored().value());
            }).publish(changes);
        }
    }
}
