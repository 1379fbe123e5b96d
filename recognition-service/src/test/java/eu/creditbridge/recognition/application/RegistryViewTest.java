package eu.creditbridge.recognition.application;

import static org.assertj.core.api.Assertions.assertThat;

import eu.creditbridge.recognition.Fixtures;
import eu.creditbridge.recognition.domain.Ruleset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RegistryViewTest {

    private final RegistryView view = new RegistryView();

    @Test
    void highestRulesetVersionWinsWhateverOrderTheyAreReadIn() {
        view.rulesetPublished(new Ruleset(Fixtures.LODZ, 4, List.of(), Optional.empty()));
        view.rulesetPublished(new Ruleset(Fixtures.LODZ, 2, List.of(), Optional.empty()));

        assertThat(view.ruleset(Fixtures.LODZ)).hasValueSatisfying(ruleset -> assertThat(ruleset.version()).isEqualTo(4));
    }

    @Test
    void tombstoneRemovesTheInstitution() {
        view.institutionUpdated(Fixtures.rotterdam());
        view.institutionRemoved(Fixtures.ROTTERDAM);

        assertThat(view.institution(Fixtures.ROTTERDAM)).isEmpty();
    }

    @Test
    void actionsWaitingForTheViewRunOnceWhenItHasCaughtUp() {
        AtomicInteger started = new AtomicInteger();
        view.whenCaughtUp(started::incrementAndGet);
        assertThat(started).hasValue(0);

        view.caughtUp();
        view.caughtUp();

        assertThat(started).hasValue(1);
        assertThat(view.isCaughtUp()).isTrue();
    }

    private static eu.creditbridge.recognition.domain.Institution rotterdamWithKey(Optional<java.time.LocalDate> compromisedFrom) {
        var r = Fixtures.rotterdam();
        return new eu.creditbridge.recognition.domain.Institution(r.schacCode(), r.erasmusCode(), r.name(), r.country(), r.gradingScheme(),
                r.memberships(), r.gradingTable(), List.of(new eu.creditbridge.recognition.domain.IssuerSigningKey("eur-2025", "EdDSA", "{}",
                java.time.LocalDate.of(2025, 1, 1), Optional.empty(), compromisedFrom)));
    }

    @Test
    void aKeyReportedCompromisedAfterCatchingUpIsAnnouncedOnceAndOnlyAnEarlierDateAnnouncesItAgain() {
        RegistryView view = new RegistryView();
        AtomicInteger announced = new AtomicInteger();
        view.onKeyCompromised(institution -> announced.incrementAndGet());
        view.institutionUpdated(rotterdamWithKey(Optional.of(java.time.LocalDate.of(2025, 3, 1)))); // replay: old news
        view.caughtUp();
        assertThat(announced).hasValue(0);

        view.institutionUpdated(rotterdamWithKey(Optional.of(java.time.LocalDate.of(2025, 3, 1))));
        assertThat(announced).hasValue(0);
        view.institutionUpdated(rotterdamWithKey(Optional.of(java.time.LocalDate.of(2025, 2, 1))));
        assertThat(announced).hasValue(1);

        view.institutionRemoved(Fixtures.ROTTERDAM);
        view.institutionUpdated(rotterdamWithKey(Optional.empty()));
        view.institutionUpdated(rotterdamWithKey(Optional.of(java.time.LocalDate.of(2025, 2, 1))));
        assertThat(announced).hasValue(2);
    }
}
